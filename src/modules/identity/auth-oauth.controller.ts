import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Redirect,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@lib/config';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import {
  CompleteOAuthCommand,
  type OAuthCallbackParams,
} from './commands/complete-oauth/complete-oauth.command';
import { ExchangeOAuthCodeCommand } from './commands/exchange-oauth-code/exchange-oauth-code.command';
import { StartOAuthCommand, type StartedOAuth } from './commands/start-oauth/start-oauth.command';
import { VerifyOAuthSecondFactorCommand } from './commands/verify-oauth-second-factor/verify-oauth-second-factor.command';
import { OAuthExchangeDto, OAuthSecondFactorDto } from './dto/oauth.dto';
import { TokenPair } from './dto/token-pair.dto';
import { NONCE_COOKIE_NOTE, ProviderParam, secureCookies } from './oauth/oauth-http';
import { clearNonceCookie, nonceFrom, setNonceCookie } from './oauth/oauth-nonce-cookie';
import { clientOf } from './sessions/client-of';

const redirectTo = (description: string) =>
  ApiResponse({
    status: 302,
    description,
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  });

/** The provider's query string: only the parameters we read, as strings. */
function callbackParams(request: FastifyRequest): OAuthCallbackParams {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const pick = (name: string) => {
    const value = query[name];
    return typeof value === 'string' && value.length > 0 && value.length <= 2048
      ? value
      : undefined;
  };
  return { code: pick('code'), state: pick('state'), error: pick('error') };
}

/**
 * `/v1/auth/oauth`: signing in with a provider (start, callback, code exchange,
 * second factor). Linking a provider to an account is in me-identities.controller.ts.
 */
@ApiTags('auth')
@Controller({ path: 'auth/oauth', version: '1' })
export class OAuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  @Get(':provider')
  @Access('public')
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @ProviderParam()
  @ApiOperation({
    summary: 'Sign in with a provider: redirects to its consent page',
    description:
      'Uses state and PKCE (S256), kept server-side for 10 minutes and usable once. ' +
      'The provider returns to the callback, which redirects to FRONTEND_URL/oauth/callback. ' +
      NONCE_COOKIE_NOTE,
  })
  @redirectTo('To the provider’s authorization page')
  @ApiProblems(404)
  async start(
    @Param('provider') provider: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    const started: StartedOAuth = await this.commands.execute(new StartOAuthCommand(provider));
    setNonceCookie(reply, started.nonce, secureCookies(this.config));
    return { url: started.authorizationUrl, statusCode: 302 };
  }

  @Get(':provider/callback')
  @Access('public')
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @ProviderParam()
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: true, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiOperation({
    summary: 'Where the provider returns the browser (not called by clients directly)',
    description:
      'Needs the nonce cookie set when the flow started (else 403 auth.oauth_browser_mismatch, ' +
      'nothing signed in or linked). ' +
      'Redirects to FRONTEND_URL/oauth/callback with `provider` and either `code` (a one-time code ' +
      'for POST /v1/auth/oauth/exchange), `pendingLink` (linking from settings: the signed-in user ' +
      'confirms it with POST /v1/me/identities/{provider}/confirm), or `error`: ' +
      '`auth.link_required` (the email belongs to an account: sign in with the password and link ' +
      'the provider from settings), `auth.account_unavailable` (the account is disabled or locked), ' +
      '`auth.identity_in_use`, `auth.provider_already_linked`, ' +
      '`auth.oauth_denied` or `auth.oauth_failed`. Tokens never appear in URLs.',
  })
  @redirectTo('To the frontend callback page')
  @ApiProblems(400, 403, 404)
  async callback(
    @Param('provider') provider: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    clearNonceCookie(reply, secureCookies(this.config));
    const url = await this.commands.execute(
      new CompleteOAuthCommand(
        provider,
        callbackParams(request),
        request.ip,
        nonceFrom(request),
        request.headers['accept-language'],
      ),
    );
    return { url, statusCode: 302 };
  }

  @Post('exchange')
  @HttpCode(200)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Swap the one-time code from the OAuth callback for a token pair',
    description:
      'For an account with two-factor authentication on: 401 auth.mfa_required with ' +
      '`mfaChallenge`; send it with the code to POST /v1/auth/oauth/2fa. ' +
      '401 auth.account_unavailable when the account is disabled or locked.',
  })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401)
  exchange(@Body() body: OAuthExchangeDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    return this.commands.execute(new ExchangeOAuthCodeCommand(body.code, clientOf(request)));
  }

  @Post('2fa')
  @HttpCode(200)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Finish an OAuth sign-in with the second factor',
    description:
      'The `mfaChallenge` from the exchange plus a TOTP or recovery code. Wrong codes count ' +
      'toward the account lock; 401 auth.invalid_otp, auth.invalid_mfa_challenge.',
  })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401)
  verifySecondFactor(
    @Body() body: OAuthSecondFactorDto,
    @Req() request: FastifyRequest,
  ): Promise<TokenPair> {
    return this.commands.execute(
      new VerifyOAuthSecondFactorCommand(body.mfaChallenge, body.otp, clientOf(request)),
    );
  }
}
