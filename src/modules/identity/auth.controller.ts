import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
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
import { LoginCommand } from './commands/login/login.command';
import { LogoutCommand } from './commands/logout/logout.command';
import { RefreshTokensCommand } from './commands/refresh/refresh-tokens.command';
import { RegisterCommand } from './commands/register/register.command';
import { RequestPasswordResetCommand } from './commands/request-password-reset/request-password-reset.command';
import { ResendVerificationCommand } from './commands/resend-verification/resend-verification.command';
import { ResetPasswordCommand } from './commands/reset-password/reset-password.command';
import { VerifyEmailCommand } from './commands/verify-email/verify-email.command';
import {
  ForgotPasswordDto,
  RegisteredDto,
  RegisterDto,
  ResetPasswordDto,
  VerifyEmailDto,
} from './dto/account.dto';
import { LoginDto } from './dto/login.dto';
import { OAuthProviderDto } from './dto/oauth.dto';
import { RefreshDto } from './dto/refresh.dto';
import { TokenPair } from './dto/token-pair.dto';
import { ListOAuthProvidersQuery } from './queries/list-oauth-providers/list-oauth-providers.query';
import { clientOf } from './sessions/client-of';

/**
 * `/v1/auth`: registering, signing in and out, refreshing tokens, confirming the
 * email address, resetting a forgotten password, and which OAuth providers are on.
 * Two-factor setup is in auth-2fa.controller.ts, OAuth flows in auth-oauth.controller.ts.
 */
@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('register')
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    operationId: 'account_register',
    summary: 'Create an account and sign in',
    description: 'Sends an email with a link to confirm the address (POST /v1/auth/email/verify).',
  })
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiProblems(400, 409, 503)
  register(@Body() body: RegisterDto, @Req() request: FastifyRequest): Promise<RegisteredDto> {
    return this.commands.execute(
      new RegisterCommand(body.email, body.password, body.name, clientOf(request), {
        locale: body.locale,
        timezone: body.timezone,
        acceptLanguage: request.headers['accept-language'],
      }),
    );
  }

  @Post('email/verify')
  @HttpCode(204)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    operationId: 'account_verifyEmail',
    summary: 'Confirm the email address with the token from the emailed link',
  })
  @ApiNoContentResponse({ description: 'Email address confirmed' })
  @ApiProblems(400)
  verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    return this.commands.execute(new VerifyEmailCommand(body.token));
  }

  @Post('email/resend')
  @HttpCode(202)
  @Access('user')
  @RateLimit('auth')
  @ApiOperation({
    operationId: 'account_resendVerification',
    summary: 'Send the confirmation email again (the previous link stops working)',
  })
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
    operationId: 'account_forgotPassword',
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
    operationId: 'account_resetPassword',
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

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Any refusal is the same 401 `auth.invalid_credentials`: unknown email, wrong password, ' +
      'and an account that is locked or disabled, even with the right password, so that the ' +
      'answer reveals neither which accounts exist nor whether a guess was right. ' +
      'After `LOGIN_MAX_FAILURES` (default 5) wrong passwords in a row the account is locked for ' +
      '`LOGIN_LOCK_SECONDS` (default 15 min) and its owner is emailed; attempts during a lock do not ' +
      'extend it, and a successful sign-in resets the count. Admins see locks in ' +
      '`GET /v1/admin/users` and lift them there. ' +
      'With two-factor authentication on, also send `otp` (a TOTP or a recovery code): without it the answer is ' +
      '401 auth.mfa_required (only once the password was right), with a wrong one 401 auth.invalid_otp. ' +
      'Passwords are checked a few at a time: when too many sign-ins wait, the answer is 503 ' +
      '`auth.busy` with `Retry-After` at once.',
  })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401, 503)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    const client = clientOf(request);
    return this.commands.execute(
      new LoginCommand(body.email, body.password, client.ip, client.userAgent, body.otp),
    );
  }

  @Post('refresh')
  @HttpCode(200)
  @Access('public')
  @RateLimit('tokenRefresh')
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair (the old one stops working)',
    description:
      'Each refresh token works once. Presenting it again within a few seconds returns the same new pair ' +
      '(for clients that lost the response); any later reuse ends the whole session.',
  })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    return this.commands.execute(new RefreshTokensCommand(body.refreshToken, clientOf(request)));
  }

  @Post('logout')
  @HttpCode(204)
  @Access('user')
  @ApiOperation({
    summary: 'End this session: the access token and its refresh tokens stop working',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.execute(new LogoutCommand(principal, false));
  }

  @Post('logout-all')
  @HttpCode(204)
  @Access('user')
  @ApiOperation({ summary: 'End every session of the caller on every device' })
  @ApiNoContentResponse({ description: 'Signed out everywhere' })
  logoutAll(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.execute(new LogoutCommand(principal, true));
  }

  @Get('providers')
  @Access('public')
  @ApiOperation({
    operationId: 'oAuth_providers',
    summary: 'OAuth sign-in providers and whether each is enabled here',
  })
  @ApiOkResponse({ type: [OAuthProviderDto] })
  providers(): Promise<OAuthProviderDto[]> {
    return this.queries.execute(new ListOAuthProvidersQuery());
  }
}
