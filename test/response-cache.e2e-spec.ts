import { Controller, Get, Module, Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Cacheable, ResponseCache } from '@lib/cache';
import { TestApp } from '@lib/testing';
import { Access } from '../src/common/access.decorator';
import { createUser, signIn } from './support/accounts';

let computed = 0;

/** A module of the next issues, as it would use the cache. */
@Controller({ path: 'cache-probe', version: '1' })
class ProbeController {
  @Get('items/:id')
  @Access('public')
  @Cacheable({
    ttl: 'jobs',
    scope: 'public',
    store: true,
    tags: (r) => [`item:${(r.params as { id: string }).id}`],
  })
  item(@Param('id') id: string): { id: string; computed: number } {
    computed += 1;
    return { id, computed };
  }

  @Get('mine')
  @Access('user')
  @Cacheable({
    ttl: 'profiles',
    scope: 'private',
    store: true,
    tags: (r) => [`user:${r.principal!.userId}`],
  })
  mine(@CurrentPrincipal() principal: Principal): { userId: string; computed: number } {
    computed += 1;
    return { userId: principal.userId, computed };
  }

  @Get('slow/:id')
  @Access('public')
  @Cacheable({ ttl: 'jobs', scope: 'public', store: true, tags: () => ['slow'] })
  async slow(@Param('id') id: string): Promise<{ id: string; computed: number }> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    computed += 1;
    return { id, computed };
  }

  @Get('live')
  @Access('public')
  @Cacheable({ ttl: 'apiRead', scope: 'public' })
  live(): { computed: number } {
    computed += 1;
    return { computed }; // a fresh (not frozen) object: serialized and hashed every time
  }

  @Get('mine-live')
  @Access('user')
  @Cacheable({ ttl: 'profiles', scope: 'private' })
  mineLive(@CurrentPrincipal() principal: Principal): { userId: string } {
    return { userId: principal.userId };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('response cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({
      role: 'api',
      extra: [ProbeModule],
      probeRoutes: /^\/v1\/cache-probe/,
    });
  });
  afterAll(() => t.close());

  it.each(['/v1/plans', '/v1/cv-templates'])(
    '%s: public Cache-Control, a weak ETag, and 304 without a body when it matches',
    async (url) => {
      const first = await t.inject({ method: 'GET', url });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      expect(first.headers['cache-control']).toBe('public, max-age=900');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(Array.isArray(first.json())).toBe(true);

      const again = await t.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('public, max-age=900');

      const listed = await t.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': `"other", ${etag.slice(2)}` },
      });
      expect(listed.statusCode).toBe(304);
      const stale = await t.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': 'W/"stale"' },
      });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).toBe(first.body);
    },
  );

  it('without a store, hashes each fresh answer: a changed answer gets a new ETag', async () => {
    const first = await t.inject({ method: 'GET', url: '/v1/cache-probe/live' });
    expect(first.headers['cache-control']).toBe('public, max-age=900');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const second = await t.inject({
      method: 'GET',
      url: '/v1/cache-probe/live',
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(second.statusCode).toBe(200); // the answer changed, so the old tag does not match
    expect(second.json<{ computed: number }>().computed).toBeGreaterThan(
      first.json<{ computed: number }>().computed,
    );
    expect(second.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('without a store, marks private answers private with Vary: Authorization and 304s them', async () => {
    await createUser(t, { email: 'cache-live@example.test', password: 'cache-password-123' });
    const { authorization } = await signIn(t, 'cache-live@example.test', 'cache-password-123');
    const first = await t.inject({
      method: 'GET',
      url: '/v1/cache-probe/mine-live',
      headers: { authorization, origin: 'http://localhost:3000' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(String(first.headers.vary)).toContain('Authorization');
    const again = await t.inject({
      method: 'GET',
      url: '/v1/cache-probe/mine-live',
      headers: { authorization, 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('keeps stored answers in Redis until their tag is dropped', async () => {
    const first = await t.inject({ method: 'GET', url: '/v1/cache-probe/items/a' });
    expect(first.headers['cache-control']).toBe('public, max-age=1800');
    const again = await t.inject({ method: 'GET', url: '/v1/cache-probe/items/a' });
    expect(again.json()).toEqual(first.json()); // not computed again
    const other = await t.inject({ method: 'GET', url: '/v1/cache-probe/items/b' });
    expect(other.json<{ computed: number }>().computed).toBeGreaterThan(
      first.json<{ computed: number }>().computed,
    );

    await t.get(ResponseCache).invalidate('item:a');
    const fresh = await t.inject({ method: 'GET', url: '/v1/cache-probe/items/a' });
    expect(fresh.json<{ computed: number }>().computed).toBeGreaterThan(
      other.json<{ computed: number }>().computed,
    );
    expect(fresh.headers.etag).not.toBe(first.headers.etag);
    // b kept its answer
    const stillB = await t.inject({ method: 'GET', url: '/v1/cache-probe/items/b' });
    expect(stillB.json()).toEqual(other.json());
  });

  it('computes concurrent misses of one answer once, and again after an invalidation', async () => {
    const url = '/v1/cache-probe/slow/x';
    const get = () => t.inject({ method: 'GET', url });
    const before = computed;
    const first = await Promise.all([get(), get(), get(), get(), get()]);
    expect(computed).toBe(before + 1);
    expect(new Set(first.map((r) => r.body)).size).toBe(1);
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);

    await t.get(ResponseCache).invalidate('slow');
    const second = await Promise.all([get(), get(), get()]);
    expect(computed).toBe(before + 2);
    expect(second[0].json<{ computed: number }>().computed).toBe(before + 2);
    expect(new Set(second.map((r) => r.body)).size).toBe(1);
  });

  it('never serves an answer computed before an invalidation, even one stored after it', async () => {
    const cache = t.get(ResponseCache);
    const before = await cache.lookup('race-probe', ['race']);
    expect(before.hit).toBeUndefined();
    // The change commits and drops the tag while the stale answer is still being computed.
    await cache.invalidate('race');
    await cache.set('race-probe', { body: '"stale"', etag: 'W/"stale"' }, 'apiRead', before.stamp);
    expect((await cache.lookup('race-probe', ['race'])).hit).toBeUndefined();

    const current = await cache.lookup('race-probe', ['race']);
    await cache.set('race-probe', { body: '"fresh"', etag: 'W/"fresh"' }, 'apiRead', current.stamp);
    expect((await cache.lookup('race-probe', ['race'])).hit?.body).toBe('"fresh"');
    // An answer without tags is stored too.
    const untagged = await cache.lookup('untagged-probe');
    await cache.set('untagged-probe', { body: '1', etag: 'W/"1"' }, 'apiRead', untagged.stamp);
    expect((await cache.lookup('untagged-probe')).hit?.body).toBe('1');
  });

  it('keys private answers per user and marks them private, revalidated every time', async () => {
    await createUser(t, { email: 'cache-a@example.test', password: 'cache-password-123' });
    await createUser(t, { email: 'cache-b@example.test', password: 'cache-password-123' });
    const a = await signIn(t, 'cache-a@example.test', 'cache-password-123');
    const b = await signIn(t, 'cache-b@example.test', 'cache-password-123');
    const get = (authorization: string, headers: Record<string, string> = {}) =>
      t.inject({
        method: 'GET',
        url: '/v1/cache-probe/mine',
        headers: { authorization, ...headers },
      });

    const mineA = await get(a.authorization);
    expect(mineA.statusCode).toBe(200);
    expect(mineA.headers['cache-control']).toBe('private, no-cache');
    expect(mineA.headers.vary).toContain('Authorization');
    const mineB = await get(b.authorization);
    expect(mineB.json<{ userId: string }>().userId).not.toBe(
      mineA.json<{ userId: string }>().userId,
    );
    expect((await get(a.authorization)).json()).toEqual(mineA.json());
    const notModified = await get(a.authorization, {
      'if-none-match': mineA.headers.etag as string,
    });
    expect(notModified.statusCode).toBe(304);
    // Without a token the private route is refused, never served from the cache.
    expect((await t.inject({ method: 'GET', url: '/v1/cache-probe/mine' })).statusCode).toBe(401);
  });
});
