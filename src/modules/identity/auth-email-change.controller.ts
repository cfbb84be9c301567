import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { CancelEmailChangeCommand } from './commands/cancel-email-change/cancel-email-change.command';
import { ConfirmEmailChangeCommand } from './commands/confirm-email-change/confirm-email-change.command';
import { EmailChangeTokenDto } from './dto/email-change.dto';

/** The links of a change of address; the frontend pages they open post the token here. */
@ApiTags('auth')
@Controller({ path: 'auth/email-change', version: '1' })
@Access('public')
export class AuthEmailChangeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('confirm')
  @HttpCode(204)
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Confirm a new email address with the token from the link sent to it',
    description:
      "The address becomes the account's (verified): sign-in works with it and no longer with " +
      'the old one, whose owner is told. Sessions stay signed in. Password-reset links still ' +
      'out stop working. 400 `auth.invalid_email_change_token` when the link is unknown, used, ' +
      'expired, cancelled, or the address meanwhile belongs to another account.',
  })
  @ApiNoContentResponse({ description: 'Email address changed' })
  @ApiProblems(400)
  confirm(@Body() body: EmailChangeTokenDto): Promise<void> {
    return this.commands.execute(new ConfirmEmailChangeCommand(body.token));
  }

  @Post('cancel')
  @HttpCode(204)
  @RateLimit('auth')
  @ApiOperation({
    summary: '"This wasn\'t me": cancel a change of email address from the old address',
    description:
      'With the token from the notice sent to the old address. Cancels the pending change (its ' +
      'confirmation link stops working) and blocks new changes for EMAIL_CHANGE_LOCK_HOURS. ' +
      'The link works once, for 7 days.',
  })
  @ApiNoContentResponse({ description: 'Cancelled' })
  @ApiProblems(400)
  cancel(@Body() body: EmailChangeTokenDto): Promise<void> {
    return this.commands.execute(new CancelEmailChangeCommand({ token: body.token }));
  }
}
