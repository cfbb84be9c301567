import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/access.decorator';
import { VapidPublicKeyDto } from './dto/device.dto';
import { PushDrivers } from './push-drivers';

@ApiTags('push')
@Controller({ path: 'push', version: '1' })
export class PushController {
  constructor(private readonly drivers: PushDrivers) {}

  @Get('vapid-public-key')
  @Access('public')
  @ApiOperation({
    summary: 'The VAPID public key browsers subscribe with',
    description:
      'Pass it as `applicationServerKey` to `registration.pushManager.subscribe()`, then send ' +
      'the subscription to `POST /v1/me/devices`. It changes only when the server’s VAPID keys do ' +
      '(then every browser must subscribe again).',
  })
  @ApiOkResponse({ type: VapidPublicKeyDto })
  publicKey(): VapidPublicKeyDto {
    return { publicKey: this.drivers.webPush.publicKey };
  }
}
