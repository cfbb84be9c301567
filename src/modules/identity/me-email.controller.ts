import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { CancelEmailChangeCommand } from './commands/cancel-email-change/cancel-email-change.command';
import { RequestEmailChangeCommand } from './commands/request-email-change/request-email-change.command';
import { RequestEmailChangeDto } from './dto/email-change.dto';

@ApiTags('me')
@Controller({ path: 'me/email', version: '1' })
@Access('user')
export class MeEmailController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @RateLimit('passwordChange')
  @ApiOperation({
    summary: 'Change the email address (confirmed from the new address)',
    description:
      'Confirm with the password when the account has one (plus the second factor when 2FA is ' +
      'on); an account without a password must have signed in within 10 minutes. The new ' +
      'address gets a single-use link (EMAIL_CHANGE_TTL_HOURS) to POST /v1/auth/email-change/confirm; ' +
      'until then nothing changes (`pendingEmail` in GET /v1/me). The old address gets a notice ' +
      'with a "this wasn\'t me" link (POST /v1/auth/email-change/cancel) that cancels the change and ' +
      'blocks new ones for EMAIL_CHANGE_LOCK_HOURS (403 `auth.email_change_locked`). An address ' +
      'that already has an account answers the same 202; its owner is told instead and no link ' +
      'is sent. A new request replaces the previous one. Counts toward the password-change limit ' +
      '(5 per 15 minutes per account).',
  })
  @ApiAcceptedResponse({ description: 'Links on their way' })
  @ApiProblems(400, 401, 403)
  request(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RequestEmailChangeDto,
  ): Promise<void> {
    return this.commands.execute(
      new RequestEmailChangeCommand(principal, body.newEmail, {
        password: body.password,
        otp: body.otp,
      }),
    );
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw a pending change of email address',
    description: 'The link sent to the new address stops working. Nothing pending is fine too.',
  })
  @ApiNoContentResponse({ description: 'No change is pending' })
  withdraw(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.execute(new CancelEmailChangeCommand({ userId: principal.userId }));
  }
}
