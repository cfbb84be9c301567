import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import type { PushTarget } from '@lib/providers';
import { Access, ApiProblems } from '../../../common/access.decorator';
import { IdParam } from '../../../common/id-param';
import { RegisterDeviceCommand } from './commands/register-device/register-device.command';
import { RemoveDeviceCommand } from './commands/remove-device/remove-device.command';
import { DeviceDto, DeviceListDto, RegisterDeviceDto } from './dto/device.dto';
import { ListDevicesQuery } from './queries/list-devices/list-devices.query';

@ApiTags('me')
@Controller({ path: 'me/devices', version: '1' })
@Access('user')
export class MeDevicesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register this device for push notifications',
    description:
      '`platform: fcm` with the FCM registration `token` (Android, iOS, or a web app using the ' +
      'Firebase SDK), or `platform: webpush` with the browser’s `subscription` ' +
      '(`PushSubscription.toJSON()`, subscribed with `GET /v1/push/vapid-public-key`). ' +
      'Call it on every app start: a token already registered is refreshed (200) rather than ' +
      'added again (201). Beyond the per-user limit the least recently seen device is dropped. ' +
      'Without an FCM service account on the server, FCM tokens get 503 `push.fcm_not_configured`.',
  })
  @ApiCreatedResponse({ type: DeviceDto, description: 'Registered' })
  @ApiOkResponse({ type: DeviceDto, description: 'Already registered: refreshed' })
  @ApiProblems(400, 422, 503)
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterDeviceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeviceDto> {
    const target: PushTarget =
      body.platform === 'fcm'
        ? { platform: 'fcm', token: body.token! }
        : {
            platform: 'webpush',
            endpoint: body.subscription!.endpoint,
            keys: { p256dh: body.subscription!.keys.p256dh, auth: body.subscription!.keys.auth },
          };
    const { device, created } = await this.commands.execute(
      new RegisterDeviceCommand(principal.userId, target, body.name),
    );
    void reply.status(created ? 201 : 200);
    return device;
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s push devices, most recently seen first' })
  @ApiOkResponse({ type: DeviceListDto })
  list(@CurrentPrincipal() principal: Principal): Promise<DeviceListDto> {
    return this.queries.execute(new ListDevicesQuery(principal.userId));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop pushing to a device (e.g. on sign-out)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404)
  async remove(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new RemoveDeviceCommand(principal.userId, id));
  }
}
