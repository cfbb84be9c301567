import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, STATUS_TITLES } from '@lib/problems';
import type { AccessTokenAuthenticator } from '../identity';

/** The browser UI's credential: set by POST /v1/admin/queues/session, sent only to the board. */
export const QUEUE_BOARD_COOKIE = 'queue_board';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i;

/** The access token of a request to the board: `Authorization: Bearer`, else the board cookie. */
export function boardTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (bearer) return bearer;
  const cookies = request.headers.cookie ?? '';
  for (const pair of cookies.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === QUEUE_BOARD_COOKIE && value.length > 0) return value.join('=');
  }
  return undefined;
}

type Refusal = { status: 401 | 403; code: string; detail: string };

/**
 * The board's one gate (it runs outside the Nest router, so outside its guards): the same
 * token check as the API, then the admin role; impersonation tokens are refused (read-only
 * support sessions never reach the console, and an admin is never impersonated anyway).
 */
export async function refusalFor(
  authenticator: AccessTokenAuthenticator,
  token: string | undefined,
): Promise<Refusal | undefined> {
  if (!token) {
    return {
      status: 401,
      code: 'auth.unauthenticated',
      detail: 'An admin bearer token is required',
    };
  }
  const principal: Principal | { rejected: string } = await authenticator.authenticate(token);
  if ('rejected' in principal) {
    return {
      status: 401,
      code: 'auth.invalid_token',
      detail: 'The token is invalid, expired or revoked',
    };
  }
  if (principal.impersonatedBy) {
    return {
      status: 403,
      code: 'auth.impersonation_read_only',
      detail: 'Impersonation sessions cannot open the queues console',
    };
  }
  if (principal.role !== 'admin') {
    return {
      status: 403,
      code: 'auth.forbidden',
      detail: 'The queues console requires the admin role',
    };
  }
  return undefined;
}

export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  return reply
    .status(refusal.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      type: `${PROBLEM_TYPE_BASE}${refusal.code}`,
      title: STATUS_TITLES[refusal.status],
      status: refusal.status,
      detail: refusal.detail,
      code: refusal.code,
    });
}
