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
