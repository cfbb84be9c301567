import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, STATUS_TITLES } from '@lib/problems';
import type { AccessTokenAuthenticator } from '../identity';
import type { QueueBoardSessions } from './queue-board-sessions';

/** The browser UI's credential (a session id): set by POST /v1/admin/queues/session, sent only to the board. */
export const QUEUE_BOARD_COOKIE = 'queue_board';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i;

export type BoardCredential = { bearer: string } | { session: string };

/** A request's credential for the board: `Authorization: Bearer` (scripts), else the session cookie. */
export function boardCredentialOf(request: FastifyRequest): BoardCredential | undefined {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (bearer) return { bearer };
  const cookies = request.headers.cookie ?? '';
  for (const pair of cookies.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === QUEUE_BOARD_COOKIE && value.length > 0) return { session: value.join('=') };
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
  sessions: QueueBoardSessions,
  credential: BoardCredential | undefined,
): Promise<Refusal | undefined> {
  if (!credential) {
    return {
      status: 401,
      code: 'auth.unauthenticated',
      detail: 'An admin bearer token is required',
    };
  }
  const principal = await principalOf(authenticator, sessions, credential);
  if ('rejected' in principal) {
    return {
      status: 401,
      code: 'auth.invalid_token',
      detail: 'The token is invalid, expired or revoked',
    };
  }
  if ('impersonatedBy' in principal && principal.impersonatedBy) {
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

/**
 * A bearer token is authenticated as by the API; a session is looked up in Redis and its
 * access token re-checked by id (revoked, account refused) with the owner's current role.
 * Sessions are opened only by admins without impersonation, so none carries one.
 */
async function principalOf(
  authenticator: AccessTokenAuthenticator,
  sessions: QueueBoardSessions,
  credential: BoardCredential,
): Promise<Pick<Principal, 'role' | 'impersonatedBy'> | { rejected: string }> {
  if ('bearer' in credential) return authenticator.authenticate(credential.bearer);
  const session = await sessions.find(credential.session);
  if (!session) return { rejected: 'expired' };
  return authenticator.recheck(session.userId, session.tokenId);
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
