import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { DisconnectAccountCommand } from './commands/disconnect-account/disconnect-account.command';
import { SetQueueSlotsCommand } from './commands/set-queue-slots/set-queue-slots.command';
import { SetQueueSlotsDto, SocialAccountDto, SocialAccountListDto } from './dto/social-account.dto';
import { ListAccountsQuery } from './queries/list-accounts/list-accounts.query';

@ApiTags('social')
@Controller({ path: 'social/accounts', version: '1' })
@Access('user', { feature: 'socialBasics' })
export class SocialAccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiKeyScope('social:read')
  @ApiOperation({
    summary: 'Your connected accounts with their health (connected, expiring, reconnect_required)',
  })
  @ApiOkResponse({ type: SocialAccountListDto })
  list(@CurrentPrincipal() actor: Principal): Promise<SocialAccountListDto> {
    return this.queries.execute(new ListAccountsQuery(actor.userId));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Disconnect an account: revokes its tokens where the network allows, drops its queue',
  })
  @ApiNoContentResponse({ description: 'Disconnected' })
  @ApiProblems(400, 404)
  async disconnect(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new DisconnectAccountCommand(actor, id));
  }

  @Put(':id/queue-slots')
  @ApiOperation({
    summary: 'Set the account’s weekly posting times (read in its time zone) for “add to queue”',
  })
  @ApiOkResponse({ type: SocialAccountDto })
  @ApiProblems(400, 404)
  setQueueSlots(
    @CurrentPrincipal() actor: Principal,
    @IdParam() id: string,
    @Body() body: SetQueueSlotsDto,
  ): Promise<SocialAccountDto> {
    return this.commands.execute(new SetQueueSlotsCommand(actor, id, body));
  }
}
