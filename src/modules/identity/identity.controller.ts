import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Req,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { EndSessionCommand } from './commands/end-session/end-session.command';
import { LoginCommand } from './commands/login/login.command';
import { LogoutCommand } from './commands/logout/logout.command';
import { RefreshTokensCommand } from './commands/refresh/refresh-tokens.command';
import { LoginDto } from './dto/login.dto';
import { MeDto, SessionDto } from './dto/me.dto';
import { RefreshDto } from './dto/refresh.dto';
import { TokenPair } from './dto/token-pair.dto';
import { GetMeQuery } from './queries/get-me/get-me.query';
import { ListSessionsQuery } from './queries/list-sessions/list-sessions.query';
import { TokenService } from './token.service';

const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

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
}

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
}

@ApiTags('auth')
@Controller({ path: '.well-known', version: VERSION_NEUTRAL })
export class JwksController {
  constructor(private readonly tokens: TokenService) {}

  @Get('jwks.json')
  @Access('public')
  @ApiOperation({ summary: 'Public keys that verify access tokens (JWKS)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        keys: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
      example: { keys: [{ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig', n: '...', e: 'AQAB' }] },
    },
  })
  jwks(): { keys: object[] } {
    return this.tokens.jwks();
  }
}
