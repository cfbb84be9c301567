import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, OPTIONAL_SIGN_IN, type Principal } from '@lib/authz';
import { auditContext, SecurityEvents } from '@lib/event-store';
import { Problem } from '@lib/problems';
import type { ApiKeyCaller } from '@lib/rate-limit';
import { ApiKeyAuthenticator } from '../api-keys/api-key-authenticator';
import { looksLikeApiKey } from '../api-keys/api-key-secret';
import { TokenRejected } from '../events/session.events';
import { AccessTokenAuthenticator } from '../sessions/access-token-authenticator';

/**
 * Global guard: every route needs a valid bearer token (JWT) or API key unless
 * marked public. Deny by default. It only authenticates; what the caller may do
 * (role, plan features, API-key scopes) is the PoliciesGuard's job, which runs next.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenAuthenticator,
    private readonly securityEvents: SecurityEvents,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (isPublic && !this.reflector.getAllAndOverride<boolean>(OPTIONAL_SIGN_IN, targets)) {
      return true;
    }

    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & ApiKeyCaller & { principal?: Principal }>();
    const credential = credentialOf(request);
    if (!credential && isPublic) return true;
    if (!credential) {
      throw Problem.unauthorized('auth.unauthenticated', 'A bearer token or API key is required');
    }
    const principal =
      credential.kind === 'api-key'
        ? await this.apiKeys
            .authenticate(credential.value, (owner) => (request.apiKeyCaller = owner))
            .catch(async (error: unknown) => {
              if (error instanceof Problem && error.status === 401) {
                await this.recordRejected(request, 'invalid_api_key');
              }
              throw error;
            })
        : await this.verifyJwt(request, credential.value);
    request.principal = principal;
    auditContext.assign({
      actor: { type: 'user', id: principal.userId },
      ...(principal.apiKeyId ? { apiKeyId: principal.apiKeyId } : {}),
    });
    return true;
  }

  private async verifyJwt(request: FastifyRequest, token: string): Promise<Principal> {
    const principal = await this.accessTokens.authenticate(token);
    return 'rejected' in principal ? this.refuse(request, principal.rejected) : principal;
  }

  private async refuse(
    request: FastifyRequest,
    reason: 'expired' | 'invalid' | 'revoked',
  ): Promise<never> {
    await this.recordRejected(request, reason);
    throw Problem.unauthorized('auth.invalid_token', 'The token is invalid, expired or revoked');
  }

  /** One event per client IP and reason a minute: enough to see an attack, never a write per request. */
  private recordRejected(
    request: FastifyRequest,
    reason: TokenRejected['payload']['reason'],
  ): Promise<void> {
    return this.securityEvents.recordOncePer(
      `token-rejected:${reason}:${request.ip}`,
      60_000,
      new TokenRejected(request.ip, { reason, route: request.routeOptions.url ?? request.url }),
    );
  }
}

/** An API key in `X-API-Key`, or `Authorization: Bearer <JWT or ctk_ API key>`. */
function credentialOf(
  request: FastifyRequest,
): { kind: 'jwt' | 'api-key'; value: string } | undefined {
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string') return { kind: 'api-key', value: apiKey };
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header) : null;
  if (!match) return undefined;
  return { kind: looksLikeApiKey(match[1]) ? 'api-key' : 'jwt', value: match[1] };
}
