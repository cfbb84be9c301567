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
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import {
  CompleteOAuthCommand,
  type OAuthCallbackParams,
} from './commands/complete-oauth/complete-oauth.command';
import { ExchangeOAuthCodeCommand } from './commands/exchange-oauth-code/exchange-oauth-code.command';
import { StartOAuthCommand } from './commands/start-oauth/start-oauth.command';
import { UnlinkIdentityCommand } from './commands/unlink-identity/unlink-identity.command';
import {
  AuthorizationUrlDto,
  LinkedIdentityDto,
  OAuthExchangeDto,
  OAuthProviderDto,
} from './dto/oauth.dto';
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

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class OAuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
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
      'The provider returns to the callback, which redirects to FRONTEND_URL/oauth/callback.',
  })
  @redirectTo('To the provider’s authorization page')
  @ApiProblems(404)
  async start(@Param('provider') provider: string): Promise<{ url: string; statusCode: number }> {
    return { url: await this.commands.execute(new StartOAuthCommand(provider)), statusCode: 302 };
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
      'Redirects to FRONTEND_URL/oauth/callback with `provider` and either `code` (a one-time code ' +
      'for POST /v1/auth/oauth/exchange), `linked=true` (linking from settings), or `error`: ' +
      '`auth.link_required` (the email belongs to an account: sign in with the password and link ' +
      'the provider from settings), `auth.account_unavailable` (the account is disabled or locked), ' +
      '`auth.identity_in_use`, `auth.provider_already_linked`, ' +
      '`auth.oauth_denied` or `auth.oauth_failed`. Tokens never appear in URLs.',
  })
  @redirectTo('To the frontend callback page')
  @ApiProblems(400, 404)
  async callback(
    @Param('provider') provider: string,
    @Req() request: FastifyRequest,
  ): Promise<{ url: string; statusCode: number }> {
    const url = await this.commands.execute(
      new CompleteOAuthCommand(provider, callbackParams(request), request.ip),
    );
    return { url, statusCode: 302 };
  }

  @Post('oauth/exchange')
  @HttpCode(200)
  @Access('public')
  @RateLimit('auth')
  @ApiOperation({ summary: 'Swap the one-time code from the OAuth callback for a token pair' })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401)
  exchange(@Body() body: OAuthExchangeDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    return this.commands.execute(
      new ExchangeOAuthCodeCommand(body.code, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      }),
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
      'The provider returns to the OAuth callback, which links the identity to this account and ' +
      'redirects to FRONTEND_URL/oauth/callback?linked=true (or ?error=auth.identity_in_use when ' +
      'that provider account already belongs to someone else).',
  })
  @ApiOkResponse({ type: AuthorizationUrlDto })
  @ApiProblems(404, 409)
  async link(
    @CurrentPrincipal() principal: Principal,
    @Param('provider') provider: string,
  ): Promise<AuthorizationUrlDto> {
    const authorizationUrl = await this.commands.execute(
      new StartOAuthCommand(provider, principal.userId),
    );
    return { authorizationUrl };
  }

  @Delete(':provider')
  @HttpCode(204)
  @ProviderParam()
  @ApiOperation({
    summary: 'Unlink a provider',
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
