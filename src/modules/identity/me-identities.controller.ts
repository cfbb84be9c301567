import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@lib/config';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { ConfirmIdentityLinkCommand } from './commands/confirm-identity-link/confirm-identity-link.command';
import { StartOAuthCommand, type StartedOAuth } from './commands/start-oauth/start-oauth.command';
import { UnlinkIdentityCommand } from './commands/unlink-identity/unlink-identity.command';
import { AuthorizationUrlDto, ConfirmIdentityLinkDto, LinkedIdentityDto } from './dto/oauth.dto';
import { NONCE_COOKIE_NOTE, ProviderParam, secureCookies } from './oauth/oauth-http';
import { setNonceCookie } from './oauth/oauth-nonce-cookie';
import { ListIdentitiesQuery } from './queries/list-identities/list-identities.query';

/** `/v1/me/identities`: the OAuth providers linked to the signed-in account, linking and unlinking. */
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
