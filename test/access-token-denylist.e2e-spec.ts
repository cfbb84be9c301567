import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { RedisBroadcast } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { PendingAccessDenial } from '../src/modules/identity';
import { AccessTokenDenylist } from '../src/modules/identity/sessions/access-token-denylist';

/** A free loopback port for a private redis-server (the shared one is never stopped). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Access-token denials when Redis fails after the revocation committed', () => {
  let t: TestApp;
  let port: number;
  let server: ChildProcess | undefined;
  let redis: Redis;
  let denylist: AccessTokenDenylist;

  async function startRedis(): Promise<void> {
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await eventually(() => Promise.resolve(redis?.status === 'ready' || undefined), 10_000).catch(
      () => undefined,
    );
  }

  async function stopRedis(): Promise<void> {
    const running = server;
    server = undefined;
    if (!running) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    port = await freePort();
    redis = new Redis(`redis://127.0.0.1:${port}`, {
      // As the app's client: commands fail after two reconnect attempts instead of hanging.
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
    });
    await startRedis();
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
    await stopRedis();
    await t?.close();
  });

  it('parks a denial Redis refuses and the sweep writes it once Redis is back', async () => {
    const token = { jti: randomUUID(), expiresAt: new Date(Date.now() + 15 * 60_000) };
    await stopRedis();

    // The logout already committed: the denial must not be lost, nor fail the request.
    await expect(denylist.deny([token])).resolves.toBeUndefined();
    const em = t.get(EntityManager).fork();
    expect(await em.count(PendingAccessDenial, { jti: token.jti })).toBe(1);
    await expect(denylist.retryPending()).rejects.toThrow();
    expect(await em.count(PendingAccessDenial, { jti: token.jti })).toBe(1);

    await startRedis();
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
