import { Controller, Get, Header, Param, Redirect, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { SOCIAL_NETWORKS } from '@lib/providers';
import { Access, ApiProblems } from '../../common/access.decorator';
import { CompleteConnectCommand } from './commands/complete-connect/complete-connect.command';
import { StartConnectCommand } from './commands/start-connect/start-connect.command';
import { SocialConnectStartDto } from './dto/social-network.dto';

const NetworkParam = () => ApiParam({ name: 'network', enum: SOCIAL_NETWORKS, example: 'sandbox' });

/** The network's query string: only the parameters read, as strings. */
function callbackParams(request: FastifyRequest) {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const pick = (name: string) => {
    const value = query[name];
    return typeof value === 'string' && value.length > 0 && value.length <= 4096
      ? value
      : undefined;
  };
  return { code: pick('code'), state: pick('state'), error: pick('error') };
}

@ApiTags('social')
@Controller({ path: 'social/connect', version: '1' })
export class SocialConnectController {
  constructor(private readonly commands: CommandBus) {}

  @Get(':network')
  @Access('user', { feature: 'socialBasics' })
  @Header('Cache-Control', 'no-store')
  @NetworkParam()
  @ApiOperation({
    summary: 'Start connecting a network account: answers the authorize URL to send the browser to',
    description:
      'OAuth 2.0 with state and PKCE (S256) where the network supports it, kept server-side for 10 ' +
      'minutes and usable once. Counts against the plan’s socialAccounts quota (403 ' +
      '`plan.quota_exceeded` with `requiredPlan`). The `sandbox` network connects without credentials: ' +
      'its authorize URL is the callback itself.',
  })
  @ApiOkResponse({ type: SocialConnectStartDto })
  @ApiProblems(404, 409)
  start(
    @CurrentPrincipal() actor: Principal,
    @Param('network') network: string,
  ): Promise<SocialConnectStartDto> {
    return this.commands.execute(new StartConnectCommand(actor, network));
  }

  @Get(':network/callback')
  @Access('public')
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @NetworkParam()
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: true, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiOperation({
    summary: 'Where the network returns the browser (not called by clients directly)',
    description:
      'Stores the account(s) with sealed tokens and redirects to FRONTEND_URL/social/connected with ' +
      '`network` and either `accounts` (comma-separated ids) or `error` (`social.connect_failed`, ' +
      '`social.connect_denied`, `social.network_unavailable`, or `plan.quota_exceeded` with ' +
      '`requiredPlan`). Tokens never appear in URLs.',
  })
  @ApiResponse({
    status: 302,
    description: 'To the frontend',
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  })
  async callback(
    @Param('network') network: string,
    @Req() request: FastifyRequest,
  ): Promise<{ url: string; statusCode: number }> {
    const url = await this.commands.execute(
      new CompleteConnectCommand(network, callbackParams(request)),
    );
    return { url, statusCode: 302 };
  }
}
