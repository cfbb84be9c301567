import { generateKeyPairSync } from 'node:crypto';
import { TestApp } from '@lib/testing';

const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const kidOf = (token: string) =>
  (
    JSON.parse(Buffer.from(token.replace('Bearer ', '').split('.')[0], 'base64url').toString()) as {
      kid: string;
    }
  ).kid;

describe('signing-key rotation', () => {
  const oldKey = keyPair();
  const newKey = keyPair();
  let before: TestApp;
  let after: TestApp;
  let withoutOldKey: TestApp;
  beforeAll(async () => {
    before = await TestApp.create({
      role: 'api',
      env: { JWT_PRIVATE_KEY: oldKey.privateKey, JWT_PUBLIC_KEY: oldKey.publicKey },
    });
    after = await TestApp.create({
      role: 'api',
      replicaOf: before,
      env: {
        JWT_PRIVATE_KEY: newKey.privateKey,
        JWT_PUBLIC_KEY: newKey.publicKey,
        JWT_PREVIOUS_PUBLIC_KEYS: oldKey.publicKey,
      },
    });
    withoutOldKey = await TestApp.create({
      role: 'api',
      replicaOf: before,
      env: { JWT_PRIVATE_KEY: newKey.privateKey, JWT_PUBLIC_KEY: newKey.publicKey },
    });
  });
  afterAll(async () => {
    await withoutOldKey?.close();
    await after?.close();
    await before?.close();
  });

  const me = (app: TestApp, authorization: string) =>
    app.inject({ method: 'GET', url: '/v1/me', headers: { authorization } });

  it('keeps tokens of the previous key valid, signs new ones with the new key, and publishes both', async () => {
    const oldToken = await before.adminAuthorization();
    const newToken = await after.adminAuthorization();
    expect(kidOf(newToken)).not.toBe(kidOf(oldToken));

    expect((await me(after, oldToken)).statusCode).toBe(200);
    expect((await me(after, newToken)).statusCode).toBe(200);

    const jwks = await after.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    const kids = jwks.json<{ keys: { kid: string; alg: string }[] }>().keys.map((k) => k.kid);
    expect(kids).toEqual([kidOf(newToken), kidOf(oldToken)]);
    expect(jwks.body).not.toMatch(/"d"|"p"|"q"|PRIVATE/);
  });

  it('refuses tokens of a key that was dropped from the keyring', async () => {
    const oldToken = await before.adminAuthorization();
    const res = await me(withoutOldKey, oldToken);
    expect(res.statusCode).toBe(401);
    const jwks = await withoutOldKey.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(jwks.json<{ keys: unknown[] }>().keys).toHaveLength(1);
  });
});
