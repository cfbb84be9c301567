import bcrypt from 'bcrypt';
import type { Role, Tier } from '@lib/authz';
import { UnitOfWork } from '@lib/event-store';
import type { TestApp } from '@lib/testing';
import { User } from '../../src/modules/identity';

let lastIp = 0;

/**
 * A client address no other sign-in in this process used: the auth rate limit
 * (5 per 15 minutes per IP) then never gets in the way of what a test checks.
 */
export function freshIp(): string {
  lastIp += 1;
  return `198.18.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
}

export async function createUser(
  t: TestApp,
  fields: { email: string; password: string; name?: string; tier?: Tier; role?: Role },
): Promise<string> {
  const user = User.register({
    email: fields.email,
    passwordHash: await bcrypt.hash(fields.password, 4),
    name: fields.name ?? fields.email.split('@')[0],
    role: fields.role,
  });
  if (fields.tier) user.changeTier(fields.tier);
  await t.get(UnitOfWork).run((em) => {
    em.persist(user);
    return Promise.resolve();
  });
  return user.id;
}

export function login(t: TestApp, email: string, password: string, ip = freshIp()) {
  return t.inject({
    method: 'POST',
    url: '/v1/auth/login',
    remoteAddress: ip,
    payload: { email, password },
  });
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  authorization: string;
}

/** Signs in (from a fresh IP) and fails the test unless it works. */
export async function signIn(t: TestApp, email: string, password: string): Promise<Session> {
  const response = await login(t, email, password);
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const pair = response.json<{ accessToken: string; refreshToken: string }>();
  return { ...pair, authorization: `Bearer ${pair.accessToken}` };
}

export function signInAsAdmin(t: TestApp): Promise<Session> {
  return signIn(t, t.config.env.ADMIN_EMAIL, t.config.env.ADMIN_PASSWORD!);
}

/** Exchanges the session's refresh token for a new pair. */
export async function refresh(t: TestApp, session: Session): Promise<Session> {
  const response = await t.inject({
    method: 'POST',
    url: '/v1/auth/refresh',
    payload: { refreshToken: session.refreshToken },
  });
  if (response.statusCode !== 200) throw new Error(`refresh failed: ${response.body}`);
  const pair = response.json<{ accessToken: string; refreshToken: string }>();
  return { ...pair, authorization: `Bearer ${pair.accessToken}` };
}

export function call(
  t: TestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  authorization?: string,
  payload?: object,
) {
  return t.inject({
    method,
    url,
    headers: authorization ? { authorization } : {},
    ...(payload ? { payload } : {}),
  });
}

export interface AuditEvent {
  id: string;
  type: string;
  streamId: string;
  payload: Record<string, unknown>;
  metadata: { actor?: { type: string; id: string }; ip?: string };
}

/** Audit events of a type (newest first), optionally of one stream. */
export async function auditEvents(
  t: TestApp,
  admin: Session,
  type: string,
  streamId?: string,
): Promise<AuditEvent[]> {
  const query = new URLSearchParams({ type, ...(streamId ? { streamId } : {}), limit: '100' });
  const url = `/v1/admin/audit/events?${query.toString()}`;
  const response = await call(t, 'GET', url, admin.authorization);
  if (response.statusCode !== 200) throw new Error(`audit query failed: ${response.body}`);
  return response.json<{ items: AuditEvent[] }>().items;
}

/** A TOTP code for the step `stepOffset` steps away from now (the server allows ±1). */
export async function totp(secret: string, stepOffset = 0): Promise<string> {
  const { generate } = await import('otplib');
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });
}

/**
 * Turns 2FA on for the session's account. Enabling uses the previous step's
 * code, which leaves the current and the next step free for the test.
 */
export async function enableTwoFactor(
  t: TestApp,
  session: Session,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const headers = { authorization: session.authorization };
  const setup = await t.inject({
    method: 'POST',
    url: '/v1/auth/2fa/setup',
    headers,
    remoteAddress: freshIp(),
  });
  if (setup.statusCode !== 200) throw new Error(`2FA setup failed: ${setup.body}`);
  const { secret } = setup.json<{ secret: string }>();
  const enable = await t.inject({
    method: 'POST',
    url: '/v1/auth/2fa/enable',
    headers,
    remoteAddress: freshIp(),
    payload: { otp: await totp(secret, -1) },
  });
  if (enable.statusCode !== 200) throw new Error(`2FA enable failed: ${enable.body}`);
  return { secret, recoveryCodes: enable.json<{ recoveryCodes: string[] }>().recoveryCodes };
}
