import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { UpdateNotificationPreferencesCommand } from './commands/update-preferences/update-preferences.command';
import {
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preferences.dto';
import { GetNotificationPreferencesQuery } from './queries/get-preferences/get-preferences.query';

@ApiTags('notifications')
@Controller({ path: 'me/notification-preferences', version: '1' })
export class MeNotificationPreferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Access('user')
  @ApiKeyScope('me:read')
  @ApiOperation({
    summary: 'Which notifications reach the caller, and how',
    description:
      'Category × channel (email, in-app, push) with the defaults filled in, quiet hours for ' +
      'push in the caller’s time zone, and how often job-alert emails come. Critical ' +
      'notifications (password reset, security alerts, failed payments, account deletion) are ' +
      'sent whatever these say. Replaces the old `preferences.emailNotifications`, `jobAlerts` ' +
      'and `newsletter` of `/v1/me`, which were copied here once and are no longer read.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return this.queries.execute(new GetNotificationPreferencesQuery(principal.userId));
  }

  @Put()
  @Access('user')
  @ApiOperation({
    summary: 'Change notification preferences',
    description:
      'Every field is optional; what is left out keeps its value (a category or channel left ' +
      'out too). `quietHours: null` turns quiet hours off. `newsletter.email` is the newsletter ' +
      'subscription of your address (every topic, no second opt-in; 409 while the address is ' +
      'unverified); an unsubscribe link turns it off. Answers the preferences as they now are.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(400, 409)
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.commands.execute(new UpdateNotificationPreferencesCommand(principal.userId, body));
  }
}
