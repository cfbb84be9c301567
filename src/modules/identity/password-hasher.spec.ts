import bcrypt from 'bcrypt';
import { loadConfig } from '@lib/config';
import { unusablePasswordHash } from './oauth/unusable-password';
import { PasswordHasher } from './password-hasher';
import { Problem } from '@lib/problems';
import { BoundedPool, PoolFull } from './bounded-pool';

describe('BoundedPool', () => {
  it('runs at most `concurrency` tasks, queues up to the limit and refuses beyond', async () => {
    const pool = new BoundedPool(2, 1);
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      pool.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => releases.push(resolve));
        active -= 1;
      });
    const running = [task(), task(), task()];
    await expect(task()).rejects.toBeInstanceOf(PoolFull);
    while (releases.length > 0 || active > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(running);
    expect(peak).toBe(2);
    await expect(pool.run(() => Promise.resolve('free again'))).resolves.toBe('free again');
  });
});

describe('PasswordHasher', () => {
  const hasherWith = (env: Record<string, string>) =>
    new PasswordHasher(loadConfig({ NODE_ENV: 'test', BCRYPT_COST: '4', ...env }));

  it('answers 503 auth.busy with Retry-After at once when the hashing queue is full', async () => {
    const hasher = hasherWith({ BCRYPT_MAX_CONCURRENCY: '1', BCRYPT_QUEUE_LIMIT: '0' });
    const hash = await hasher.hash('correct horse battery');
    const first = hasher.verify('correct horse battery', hash);
    const refused = await hasher.verify('wrong', hash).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Problem);
    expect(refused).toMatchObject({
      status: 503,
      code: 'auth.busy',
      extensions: { retryAfter: 1 },
    });
    await expect(first).resolves.toBe(true);
  });

  it('hashes unknown accounts against a dummy in the same pool, and never accepts them', async () => {
    const hasher = hasherWith({ BCRYPT_MAX_CONCURRENCY: '1', BCRYPT_QUEUE_LIMIT: '0' });
    await expect(hasher.verify('anything', undefined)).resolves.toBe(false);
    const hash = await hasher.hash('pw');
    const unknown = hasher.verify('anything', undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(hasher.verify('pw', hash)).rejects.toMatchObject({ code: 'auth.busy' });
    await expect(unknown).resolves.toBe(false);
  });
});

describe('PasswordHasher against OAuth-only and unknown accounts', () => {
  const hasher = new PasswordHasher(loadConfig({ BCRYPT_COST: '4' }));
  afterEach(() => jest.restoreAllMocks());

  it('compares against a real bcrypt hash for OAuth-only accounts and unknown users alike', async () => {
    const compare = jest.spyOn(bcrypt, 'compare');
    expect(await hasher.verify('whatever-password', unusablePasswordHash())).toBe(false);
    expect(await hasher.verify('whatever-password', undefined)).toBe(false);
    // Both spent a bcrypt comparison against the dummy hash: timing tells neither apart.
    const hashes = compare.mock.calls.map((args) => args[1]);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^\$2[aby]\$04\$/);
  });

  it('accepts the right password of a real hash', async () => {
    const hash = await hasher.hash('the-right-password');
    expect(await hasher.verify('the-right-password', hash)).toBe(true);
    expect(await hasher.verify('a-wrong-password!', hash)).toBe(false);
  });
});
