import { Body, Controller, Delete, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { ChangePasswordCommand } from './commands/change-password/change-password.command';
import { DeleteAccountCommand } from './commands/delete-account/delete-account.command';
import { RegisterCommand } from './commands/register/register.command';
import { RequestPasswordResetCommand } from './commands/request-password-reset/request-password-reset.command';
import { ResendVerificationCommand } from './commands/resend-verification/resend-verification.command';
import { ResetPasswordCommand } from './commands/reset-password/reset-password.command';
import { UpdateProfileCommand } from './commands/update-profile/update-profile.command';
import { VerifyEmailCommand } from './commands/verify-email/verify-email.command';
import {
  ChangePasswordDto,
  DeleteAccountDto,
  ForgotPasswordDto,
  RegisteredDto,
  RegisterDto,
  ResetPasswordDto,
  UpdateMeDto,
  VerifyEmailDto,
} from './dto/account.dto';
import { MeDto } from './dto/me.dto';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AccountController {
  constructor(private readonly commands: CommandBus) {}

  @Post('register')
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Create an account and sign in',
    description: 'Sends an email with a link to confirm the address (POST /v1/auth/email/verify).',
  })
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiProblems(400, 409, 503)
  register(@Body() body: RegisterDto, @Req() request: FastifyRequest): Promise<RegisteredDto> {
    return this.commands.execute(
      new RegisterCommand(body.email, body.password, body.name, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      }),
    );
  }

  @Post('email/verify')
  @HttpCode(204)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({ summary: 'Confirm the email address with the token from the emailed link' })
  @ApiNoContentResponse({ description: 'Email address confirmed' })
  @ApiProblems(400)
  verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    return this.commands.execute(new VerifyEmailCommand(body.token));
  }

  @Post('email/resend')
  @HttpCode(202)
  @Access('user')
  @RateLimit('auth')
  @ApiOperation({ summary: 'Send the confirmation email again (the previous link stops working)' })
  @ApiAcceptedResponse({ description: 'Email queued' })
  @ApiProblems(409)
  resendVerification(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.execute(new ResendVerificationCommand(principal.userId));
  }

  @Post('password/forgot')
  @HttpCode(202)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Email a password reset link',
    description:
      'Always 202 with an empty body, whether or not the address has an account; the link expires and works once.',
  })
  @ApiAcceptedResponse({ description: 'If the address has an account, a link is on its way' })
  @ApiProblems(400)
  forgotPassword(@Body() body: ForgotPasswordDto): Promise<void> {
    return this.commands.execute(new RequestPasswordResetCommand(body.email));
  }

  @Post('password/reset')
  @HttpCode(204)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Set a new password with the token from the emailed link',
    description:
      'Ends every session of the account and emails the owner. It does not sign in. Unlinks ' +
      'providers linked while the email address was unverified; `unlinkIdentities` and ' +
      '`revokeApiKeys` also unlink every provider and revoke every API key.',
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400)
  resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    return this.commands.execute(
      new ResetPasswordCommand(body.token, body.password, {
        unlinkIdentities: body.unlinkIdentities,
        revokeApiKeys: body.revokeApiKeys,
      }),
    );
  }
}

@ApiTags('me')
@Controller({ path: 'me', version: '1' })
@Access('user')
export class ProfileController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @ApiOperation({ summary: 'Change name, preferences or social links' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400)
  update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.commands.execute(new UpdateProfileCommand(principal.userId, body));
  }

  @Delete()
  @HttpCode(204)
  @RateLimit('auth')
  @ApiOperation({
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
