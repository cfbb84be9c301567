import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Redirect,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@lib/config';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import {
  CompleteOAuthCommand,
  type OAuthCallbackParams,
} from './commands/complete-oauth/complete-oauth.command';
import { ExchangeOAuthCodeCommand } from './commands/exchange-oauth-code/exchange-oauth-code.command';
import { ConfirmIdentityLinkCommand } from './commands/confirm-identity-link/confirm-identity-link.command';
import { StartOAuthCommand, type StartedOAuth } from './commands/start-oauth/start-oauth.command';
import { VerifyOAuthSecondFactorCommand } from './commands/verify-oauth-second-factor/verify-oauth-second-factor.command';
import { UnlinkIdentityCommand } from './commands/unlink-identity/unlink-identity.command';
import {
  AuthorizationUrlDto,
  ConfirmIdentityLinkDto,
  LinkedIdentityDto,
  OAuthExchangeDto,
  OAuthProviderDto,
  OAuthSecondFactorDto,
} from './dto/oauth.dto';
import { clearNonceCookie, nonceFrom, setNonceCookie } from './oauth/oauth-nonce-cookie';
import { TokenPair } from './dto/token-pair.dto';
import { OAUTH_PROVIDERS } from './entities/user-identity.entity';
import { ListIdentitiesQuery } from './queries/list-identities/list-identities.query';
import { ListOAuthProvidersQuery } from './queries/list-oauth-providers/list-oauth-providers.query';

const ProviderParam = () =>
  ApiParam({ name: 'provider', enum: OAUTH_PROVIDERS, description: 'OAuth login provider' });

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

/** Secure cookies only in production: local development runs on plain http. */
const secureCookies = (config: AppConfig) => config.env.NODE_ENV === 'production';

const NONCE_COOKIE_NOTE =
  'Sets the HttpOnly, SameSite=Lax cookie `ct_oauth_nonce` (Path=/v1/auth/oauth, 10 min) that ' +
  'binds the flow to this browser: the callback refuses a browser without it (403 ' +
  'auth.oauth_browser_mismatch).';

const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class OAuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @Access('public')
  @ApiOperation({ summary: 'OAuth sign-in providers and whether each is enabled here' })
  @ApiOkResponse({ type: [OAuthProviderDto] })
  providers(): Promise<OAuthProviderDto[]> {
    return this.queries.execute(new ListOAuthProvidersQuery());
  }

  @Get('oauth/:provider')
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

  @Get('oauth/:provider/callback')
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
      new CompleteOAuthCommand(provider, callbackParams(request), request.ip, nonceFrom(request)),
    );
    return { url, statusCode: 302 };
  }

  @Post('oauth/exchange')
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

  @Post('oauth/2fa')
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

@ApiTags('me')
@Controller({ path: 'me/identities', version: '1' })
@Access('user')
export class IdentitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'OAuth providers linked to the signed-in account' })
  @ApiOkResponse({ type: [LinkedIdentityDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<LinkedIdentityDto[]> {
    return this.queries.execute(new ListIdentitiesQuery(principal.userId));
  }

  @Post(':provider')
  @HttpCode(200)
  @ProviderParam()
  @ApiOperation({
    summary: 'Start linking a provider: returns the authorization URL to send the browser to',
    description:
      'Call it from the browser that will visit the provider, with credentials (cookies) ' +
      'included: ' +
      NONCE_COOKIE_NOTE +
      ' The provider returns to the OAuth callback, which redirects to ' +
      'FRONTEND_URL/oauth/callback?pendingLink=… (or ?error=auth.identity_in_use when that ' +
      'provider account already belongs to someone else). Nothing is linked until the user ' +
      'confirms with POST /v1/me/identities/{provider}/confirm.',
  })
  @ApiOkResponse({ type: AuthorizationUrlDto })
  @ApiProblems(404, 409)
  async link(
    @CurrentPrincipal() principal: Principal,
    @Param('provider') provider: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthorizationUrlDto> {
    const started: StartedOAuth = await this.commands.execute(
      new StartOAuthCommand(provider, principal.userId),
    );
    setNonceCookie(reply, started.nonce, secureCookies(this.config));
    return { authorizationUrl: started.authorizationUrl };
  }

  @Post(':provider/confirm')
  @HttpCode(200)
  @RateLimit('passwordChange')
  @ProviderParam()
  @ApiOperation({
    summary: 'Confirm a provider link (password, second factor or a recent sign-in)',
    description:
      'Links the identity the callback parked as `pendingLink`. Proof: the account password when ' +
      'it has one (400 auth.password_required, 403 auth.wrong_password), plus `otp` when two-factor ' +
      'authentication is on (401 auth.mfa_required / auth.invalid_otp); an account with neither ' +
      'must have signed in within the last 10 minutes (403 auth.reauthentication_required). ' +
      'Wrong passwords and codes count toward the account lock. The owner is emailed.',
  })
  @ApiOkResponse({ type: LinkedIdentityDto })
  @ApiProblems(400, 404, 409)
  confirmLink(
    @CurrentPrincipal() principal: Principal,
    @Param('provider') provider: string,
    @Body() body: ConfirmIdentityLinkDto,
  ): Promise<LinkedIdentityDto> {
    return this.commands.execute(
      new ConfirmIdentityLinkCommand(principal, provider, body.pendingLink, {
        password: body.password,
        otp: body.otp,
      }),
    );
  }

  @Delete(':provider')
  @HttpCode(204)
  @ProviderParam()
  @ApiOperation({
    summary: 'Unlink a provider (the owner is emailed)',
    description:
      'Refused with 409 auth.last_login_method when it is the only way to sign in ' +
      '(no password and no other linked provider).',
  })
  @ApiNoContentResponse({ description: 'Unlinked' })
  @ApiProblems(404, 409)
  unlink(
    @CurrentPrincipal() principal: Principal,
    @Param('provider') provider: string,
  ): Promise<void> {
    return this.commands.execute(new UnlinkIdentityCommand(principal.userId, provider));
  }
}
