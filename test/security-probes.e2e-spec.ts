import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import { EntityManager } from '@mikro-orm/postgresql';
import { TestApp } from '@lib/testing';

/** Probes from the security checklist ("Authentication" and "API Security Top 10"). */
describe('security probes', () => {
  let t: TestApp;
  let valid: string;
  let userId: string;
  const publicPem = () =>
    readFileSync(join(t.config.env.DATA_DIR, 'keys', 'jwt-public.pem'), 'utf8');
  const privatePem = () =>
    readFileSync(join(t.config.env.DATA_DIR, 'keys', 'jwt-private.pem'), 'utf8');

  beforeAll(async () => {
    t = await TestApp.create({
      role: 'api',
      env: { CORS_ORIGINS: 'https://app.career-tools.test' },
    });
    valid = (await t.adminAuthorization()).replace('Bearer ', '');
    userId = JSON.parse(Buffer.from(valid.split('.')[1], 'base64url').toString()).sub as string;
  });
  afterAll(() => t.close());

  const me = (token: string) =>
    t.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** The real key id, so that forged tokens get as far as the signature check. */
  const kid = () =>
    (JSON.parse(Buffer.from(valid.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
  const claims = () => ({
    sub: userId,
    role: 'admin',
    tier: 'premium',
    jti: randomUUID(),
    iss: t.config.env.JWT_ISSUER,
    aud: t.config.env.JWT_AUDIENCE,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  const signRs256 = async (payload: Record<string, unknown>) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: kid(), typ: 'JWT' })
      .sign(await importPKCS8(privatePem(), 'RS256'));

  it('accepts the real token (control)', async () => {
    expect((await me(valid)).statusCode).toBe(200);
  });

  it('refuses alg:none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT', kid: kid() })}.${b64(claims())}.`;
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: kid() })}.${b64(claims())}`;
    const signature = createHmac('sha256', publicPem()).update(head).digest('base64url');
    expect((await me(`${head}.${signature}`)).statusCode).toBe(401);
  });

  it('refuses an edited payload', async () => {
    const [head, , signature] = valid.split('.');
    const edited = `${head}.${b64({ ...claims(), role: 'admin', tier: 'premium' })}.${signature}`;
    expect((await me(edited)).statusCode).toBe(401);
  });

  it('refuses a token with an embedded jwk signed by another key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await new SignJWT(claims())
      .setProtectedHeader({
        alg: 'RS256',
        typ: 'JWT',
        kid: kid(),
        jwk: publicKey.export({ format: 'jwk' }),
      })
      .sign(privateKey);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses wrong audience, wrong issuer and expired tokens signed with the right key', async () => {
    expect((await me(await signRs256({ ...claims(), aud: 'someone-else' }))).statusCode).toBe(401);
    expect((await me(await signRs256({ ...claims(), iss: 'evil' }))).statusCode).toBe(401);
    const past = Math.floor(Date.now() / 1000) - 60;
    expect(
      (await me(await signRs256({ ...claims(), iat: past - 3600, exp: past }))).statusCode,
    ).toBe(401);
    // control: the same claims with the right key and values pass
    expect((await me(await signRs256(claims()))).statusCode).toBe(200);
  });

  it('ignores tokens in the query string', async () => {
    const res = await t.inject({ method: 'GET', url: `/v1/me?access_token=${valid}` });
    expect(res.statusCode).toBe(401);
  });

  it('answers an oversized body with 413 and changes nothing', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        email: 'big@example.test',
        password: 'x'.repeat(2_000_000),
        name: 'Big',
      }),
      remoteAddress: '192.0.2.77',
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const users = await t
      .get(EntityManager)
      .fork()
      .execute(`select 1 from users where email = 'big@example.test'`);
    expect(users).toHaveLength(0);
  });

  it('refuses an absurd page size with 400', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/v1/me/api-keys?limit=1000000',
      headers: { authorization: `Bearer ${valid}` },
    });
    expect(res.statusCode).toBe(400);
  });

  it('allows CORS only for configured origins', async () => {
    const preflight = (origin: string) =>
      t.inject({
        method: 'OPTIONS',
        url: '/v1/me',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const allowed = await preflight('https://app.career-tools.test');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.career-tools.test');
    const refused = await preflight('https://evil.example');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never leaks stack traces in problems', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  });
});
