import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { RedisBroadcast } from '@lib/queue';
import { eventually, PrivateRedis, TestApp } from '@lib/testing';
import { PendingAccessDenial } from '../src/modules/identity';
import { AccessTokenDenylist } from '../src/modules/identity/sessions/access-token-denylist';

/** A private redis-server the suite stops and starts (the shared one is never stopped). */
describe('Access-token denials when Redis fails after the revocation committed', () => {
  let t: TestApp;
  let server: PrivateRedis;
  let redis: Redis;
  let denylist: AccessTokenDenylist;

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    server = await PrivateRedis.start();
    redis = new Redis(server.url, {
      // As the app's client: commands fail after two reconnect attempts instead of hanging.
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
    });
    const config = t.get(AppConfig);
    denylist = new AccessTokenDenylist(
      redis,
      new RedisBroadcast(redis, config),
      config,
      t.get(EntityManager),
    );
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.close();
    await t?.close();
  });

  it('parks a denial Redis refuses and the sweep writes it once Redis is back', async () => {
    const token = { jti: randomUUID(), expiresAt: new Date(Date.now() + 15 * 60_000) };
    await server.stop();

    // The logout already committed: the denial must not be lost, nor fail the request.
    await expect(denylist.deny([token])).resolves.toBeUndefined();
    const em = t.get(EntityManager).fork();
    expect(await em.count(PendingAccessDenial, { jti: token.jti })).toBe(1);
    await expect(denylist.retryPending()).rejects.toThrow();
    expect(await em.count(PendingAccessDenial, { jti: token.jti })).toBe(1);

    await server.restart();
    await eventually(() => Promise.resolve(redis.status === 'ready' || undefined));
    expect(await denylist.retryPending()).toBeGreaterThanOrEqual(1);
    expect(await denylist.isDenied(token.jti)).toBe(true);
    expect(await em.count(PendingAccessDenial, { jti: token.jti })).toBe(0);
  });

  it('writes at once while Redis answers, parking nothing', async () => {
    const token = { jti: randomUUID(), expiresAt: new Date(Date.now() + 60_000) };
    await denylist.deny([token]);
    expect(await denylist.isDenied(token.jti)).toBe(true);
    expect(await t.get(EntityManager).fork().count(PendingAccessDenial, { jti: token.jti })).toBe(
      0,
    );
  });
});
