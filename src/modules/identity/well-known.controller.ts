import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/access.decorator';
import { TokenService } from './token.service';

/** `/.well-known`: the public keys that verify our access tokens. */
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
