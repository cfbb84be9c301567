import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { ChangePasswordCommand } from './commands/change-password/change-password.command';
import { DeleteAccountCommand } from './commands/delete-account/delete-account.command';
import { EndSessionCommand } from './commands/end-session/end-session.command';
import { UpdateProfileCommand } from './commands/update-profile/update-profile.command';
import { ChangePasswordDto, DeleteAccountDto, UpdateMeDto } from './dto/account.dto';
import { MeDto, SessionDto } from './dto/me.dto';
import { GetMeQuery } from './queries/get-me/get-me.query';
import { ListSessionsQuery } from './queries/list-sessions/list-sessions.query';

/**
 * `/v1/me`: the signed-in user's profile, password, account deletion and sessions.
 * Their API keys, linked providers and AI usage have their own prefixes and files
 * (me-api-keys, me-identities, me-ai-usage).
 */
@ApiTags('me')
@Controller({ path: 'me', version: '1' })
@Access('user')
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiKeyScope('me:read')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.queries.execute(new GetMeQuery(principal.userId));
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Live sessions of the signed-in user (device, IP, last use)' })
  @ApiOkResponse({ type: [SessionDto] })
  sessions(@CurrentPrincipal() principal: Principal): Promise<SessionDto[]> {
    return this.queries.execute(new ListSessionsQuery(principal.userId, principal.tokenId));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one session (sign that device out)' })
  @ApiNoContentResponse({ description: 'Session ended' })
  @ApiProblems(400, 404)
  endSession(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new EndSessionCommand(principal.userId, id));
  }

  @Patch()
  @ApiOperation({
    operationId: 'profile_update',
    summary: 'Change name, preferences or social links',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400)
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.commands.execute(new UpdateProfileCommand(principal.userId, body));
  }

  @Delete()
  @HttpCode(204)
  @RateLimit('auth')
  @ApiOperation({
    operationId: 'profile_remove',
    summary: 'Delete the account and its data',
    description:
      'Confirm with the password (and the second factor when 2FA is on: wrong or missing → 401 ' +
      '`auth.invalid_otp` / `auth.mfa_required`). Every session ends at once; CVs, files and other ' +
      'data are deleted; personal data in the audit trail is crypto-shredded (its hash chain still ' +
      'verifies). A last email confirms the deletion. The address can be registered again.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401)
  remove(@CurrentPrincipal() principal: Principal, @Body() body: DeleteAccountDto): Promise<void> {
    return this.commands.execute(
      new DeleteAccountCommand(principal.userId, body.password, body.otp),
    );
  }

  @Post('password')
  @HttpCode(204)
  @RateLimit('passwordChange')
  @ApiOperation({
    operationId: 'profile_changePassword',
    summary: 'Change the password',
    description:
      'Needs the current password. Every other session ends; this one stays signed in. ' +
      '5 attempts per 15 minutes per account; wrong current passwords count toward the ' +
      'account lock (403 auth.account_locked while it lasts).',
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400)
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    return this.commands.execute(
      new ChangePasswordCommand(principal, body.currentPassword, body.newPassword),
    );
  }
}
