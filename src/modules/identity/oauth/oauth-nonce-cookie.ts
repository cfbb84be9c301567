import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The cookie that binds an OAuth flow to the browser that started it (login
 * and link CSRF). Only its sha-256 is stored with the state; the callback must
 * bring the cookie back. Scoped to the OAuth routes, HttpOnly, SameSite=Lax
 * (sent on the provider's top-level redirect back to us), Secure in production,
 * gone after 10 minutes like the state.
 */
const NAME = 'ct_oauth_nonce';
const PATH = '/v1/auth/oauth';
const MAX_AGE_SECONDS = 600;

function serialize(value: string, maxAge: number, secure: boolean): string {
  return [
    `${NAME}=${value}`,
    `Path=${PATH}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function setNonceCookie(reply: FastifyReply, nonce: string, secure: boolean): void {
  reply.header('set-cookie', serialize(nonce, MAX_AGE_SECONDS, secure));
}

export function clearNonceCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', serialize('', 0, secure));
}

/** The nonce the browser sent back, if any. */
export function nonceFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === NAME) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
