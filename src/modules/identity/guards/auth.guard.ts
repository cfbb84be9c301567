import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, type Principal } from '@lib/authz';
import { auditContext } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { AccessTokenDenylist } from '../sessions/access-token-denylist';
import { TokenService } from '../token.service';

/**
 * Global guard: every route needs a valid bearer token unless marked public.
 * Deny by default. It only authenticates; what the caller may do (role, plan
 * features) is the PoliciesGuard's job, which runs next.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly denylist: AccessTokenDenylist,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    const match =
      typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header) : null;
    if (!match) throw Problem.unauthorized('auth.unauthenticated', 'A bearer token is required');

    const principal = await this.tokens.verifyAccessToken(match[1]);
    if (!principal || (principal.tokenId && (await this.denylist.isDenied(principal.tokenId)))) {
      throw Problem.unauthorized('auth.invalid_token', 'The token is invalid, expired or revoked');
    }
    request.principal = principal;
    auditContext.assign({ actor: { type: 'user', id: principal.userId } });
    return true;
  }
}
