import { Body, Controller, Get, HttpCode, Post, Req, VERSION_NEUTRAL } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, ApiProblems } from '../../common/access.decorator';
import { LoginCommand } from './commands/login/login.command';
import { LoginDto } from './dto/login.dto';
import { TokenPair } from './dto/token-pair.dto';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: TokenPair })
  @ApiProblems(400, 401)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    return this.commands.execute(new LoginCommand(body.email, body.password, request.ip));
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
