import Redis from 'ioredis';
import { RedisBroadcast } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { call, createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

const PASSWORD = 'replica-password-123';
/** The bound from the issue: a change on one replica holds on every other within this. */
const PROPAGATION_MS = 1000;

/**
 * Two API replicas on one database and Redis, with the local denylist and the
 * user cache on: revocations and user changes made on A hold on B within a second.
 */
describe('caches across replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Session;

  beforeAll(async () => {
    a = await TestApp.create({ role: 'all' });
    b = await TestApp.create({ role: 'api', replicaOf: a });
    await eventually(() =>
      Promise.resolve(a.get(RedisBroadcast).live && b.get(RedisBroadcast).live),
    );
    admin = await signInAsAdmin(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  async function user(email: string, tier: 'free' | 'premium' = 'free') {
    const id = await createUser(a, { email, password: PASSWORD, tier });
    const session = await signIn(a, email, PASSWORD);
    // B has seen the token and cached the user before the change.
    const me = await call(b, 'GET', '/v1/me', session.authorization);
    expect(me.statusCode).toBe(200);
    return { id, session };
  }

  async function refusedOnB(session: Session): Promise<void> {
    const started = Date.now();
    await eventually(
      async () => (await call(b, 'GET', '/v1/me', session.authorization)).statusCode === 401,
      PROPAGATION_MS,
    );
    expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS + 200);
  }

  it('logout on A refuses the token on B', async () => {
    const { session } = await user('logout@example.test');
    expect((await call(a, 'POST', '/v1/auth/logout', session.authorization)).statusCode).toBe(204);
    await refusedOnB(session);
  });

  it('logout-all on A refuses every token of the user on B', async () => {
    const { session } = await user('logout-all@example.test');
    const other = await signIn(a, 'logout-all@example.test', PASSWORD);
    expect((await call(b, 'GET', '/v1/me', other.authorization)).statusCode).toBe(200);
    expect((await call(a, 'POST', '/v1/auth/logout-all', session.authorization)).statusCode).toBe(
      204,
    );
    await refusedOnB(session);
    await refusedOnB(other);
  });

  it('an admin disabling the account on A refuses its tokens on B', async () => {
    const { id, session } = await user('disabled@example.test');
    const disabled = await call(a, 'PATCH', `/v1/admin/users/${id}`, admin.authorization, {
      disabled: true,
    });
    expect(disabled.statusCode).toBe(200);
    await refusedOnB(session);
  });

  it('a plan downgrade on A holds on B at once: the same token says free and loses premium features', async () => {
    const { id, session } = await user('downgrade@example.test', 'premium');
    const before = await call(b, 'GET', '/v1/me', session.authorization);
    expect(before.json()).toMatchObject({ tier: 'premium' });
    const changed = await call(a, 'PATCH', `/v1/admin/users/${id}`, admin.authorization, {
      tier: 'free',
    });
    expect(changed.statusCode).toBe(200);
    // The tier is read from the cached user row, which every replica drops on the change.
    await eventually(async () => {
      const me = await call(b, 'GET', '/v1/me', session.authorization);
      return me.statusCode === 200 && me.json<{ tier: string }>().tier === 'free';
    }, PROPAGATION_MS);
    const key = await call(b, 'POST', '/v1/me/api-keys', session.authorization, {
      name: 'after downgrade',
    });
    expect(key.statusCode).toBe(403);
    expect(key.json()).toMatchObject({ code: 'plan.upgrade_required', requiredPlan: 'premium' });
  });

  it('a profile change on A shows on B within a second (the cached user is dropped)', async () => {
    const { session } = await user('profile@example.test');
    const updated = await call(a, 'PATCH', '/v1/me', session.authorization, { name: 'Renamed' });
    expect(updated.statusCode).toBe(200);
    await eventually(async () => {
      const me = await call(b, 'GET', '/v1/me', session.authorization);
      return me.json<{ name: string }>().name === 'Renamed';
    }, PROPAGATION_MS);
  });

  it('a replica that lost its subscription resyncs from Redis and refuses what it missed', async () => {
    const { session } = await user('missed@example.test');
    const jti = (
      JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString()) as {
        jti: string;
      }
    ).jti;
    const redis = new Redis(a.config.env.REDIS_URL);
    try {
      // A revocation B never hears of (as if the message fell in a gap)…
      await redis.set(`${a.config.env.REDIS_PREFIX}:denylist:jti:${jti}`, '1', 'PX', 60_000);
      expect((await call(b, 'GET', '/v1/me', session.authorization)).statusCode).toBe(200);
      // …then B's subscription drops: until it has resynced it asks Redis, after that it knows.
      const name = `${a.config.env.REDIS_PREFIX}:broadcast:subscriber`;
      const clients = (await redis.client('LIST')) as string;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(` name=${name} `))
        .map((line) => /id=(\d+)/.exec(line)![1]);
      expect(ids.length).toBeGreaterThanOrEqual(2); // A's and B's
      const bBroadcast = b.get(RedisBroadcast);
      for (const id of ids) await redis.client('KILL', 'ID', id);
      await eventually(() => Promise.resolve(!bBroadcast.live), 1000).catch(() => undefined);
      expect((await call(b, 'GET', '/v1/me', session.authorization)).statusCode).toBe(401);
      await eventually(() => Promise.resolve(bBroadcast.live));
      expect((await call(b, 'GET', '/v1/me', session.authorization)).statusCode).toBe(401);
    } finally {
      redis.disconnect();
    }
  });
});
