import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, TestApp } from '@lib/testing';
import { FlushViewsCommand } from '../src/modules/blog/commands/flush-views/flush-views.command';
import { createUser, freshIp, signIn } from './support/accounts';
import { blogCall, type AdminPost } from './support/blog';

interface Comment {
  id: string;
  status: string;
  authorName: string;
  body: string;
}

describe('blog: authoring, access, slugs, comments, counters, erasure', () => {
  let t: TestApp;
  let admin: string;
  let alice: string; // editor
  let bob: string; // editor
  let user: string; // plain user
  let reader: string;
  const password = 'blog-password-123';

  beforeAll(async () => {
    t = await TestApp.create({ env: { NOTIFICATION_COLLAPSE_WINDOW_SECONDS: '1' } });
    admin = (await signIn(t, t.config.env.ADMIN_EMAIL, t.config.env.ADMIN_PASSWORD!)).authorization;
    await createUser(t, {
      email: 'alice@blog.test',
      password,
      name: 'Alice Writer',
      role: 'editor',
    });
    await createUser(t, { email: 'bob@blog.test', password, role: 'editor' });
    await createUser(t, { email: 'user@blog.test', password });
    await createUser(t, { email: 'reader@blog.test', password, name: 'Rita Reader' });
    alice = (await signIn(t, 'alice@blog.test', password)).authorization;
    bob = (await signIn(t, 'bob@blog.test', password)).authorization;
    user = (await signIn(t, 'user@blog.test', password)).authorization;
    reader = (await signIn(t, 'reader@blog.test', password)).authorization;
  });
  afterAll(() => t.close());

  const createPost = (authorization: string, payload: object) =>
    blogCall<AdminPost>(t, 'POST', '/v1/admin/blog/posts', 201, { authorization, payload });

  describe('acceptance 6: roles', () => {
    it('users cannot author; editors cannot see or touch other editors’ posts; admins can', async () => {
      await blogCall(t, 'POST', '/v1/admin/blog/posts', 403, {
        authorization: user,
        payload: { title: 'Nope', bodyMarkdown: 'x' },
      });
      await blogCall(t, 'GET', '/v1/admin/blog/posts', 403, { authorization: user });
      await blogCall(t, 'POST', '/v1/admin/blog/posts', 401, {
        payload: { title: 'Nope', bodyMarkdown: 'x' },
      });

      const post = await createPost(alice, { title: 'Alice only', bodyMarkdown: 'mine' });
      await blogCall(t, 'GET', `/v1/admin/blog/posts/${post.id}`, 404, { authorization: bob });
      await blogCall(t, 'PATCH', `/v1/admin/blog/posts/${post.id}`, 404, {
        authorization: bob,
        payload: { title: 'Stolen' },
      });
      await blogCall(t, 'DELETE', `/v1/admin/blog/posts/${post.id}`, 404, { authorization: bob });
      await blogCall(t, 'GET', `/v1/admin/blog/posts/${post.id}/revisions`, 404, {
        authorization: bob,
      });
      const bobList = await blogCall<{ items: { id: string }[] }>(
        t,
        'GET',
        '/v1/admin/blog/posts',
        200,
        {
          authorization: bob,
        },
      );
      expect(bobList.items.map((p) => p.id)).not.toContain(post.id);

      const edited = await blogCall<AdminPost>(t, 'PATCH', `/v1/admin/blog/posts/${post.id}`, 200, {
        authorization: admin,
        payload: { title: 'Alice only (edited by admin)' },
      });
      expect(edited.revision).toBe(2);
      // Only admins delete categories and tags; editors create them.
      const tag = await blogCall<{ id: string }>(t, 'POST', '/v1/admin/blog/tags', 201, {
        authorization: bob,
        payload: { name: 'Temp tag' },
      });
      await blogCall(t, 'DELETE', `/v1/admin/blog/tags/${tag.id}`, 403, { authorization: bob });
      await blogCall(t, 'DELETE', `/v1/admin/blog/tags/${tag.id}`, 204, { authorization: admin });
    });
  });

  describe('acceptance 2 and revisions', () => {
    it('answers 301 from every old slug to the current one; revisions diff and restore', async () => {
      const post = await createPost(alice, {
        title: 'First name of a post',
        bodyMarkdown: 'Body one',
        status: 'published',
      });
      expect(post.slug).toBe('first-name-of-a-post');
      await blogCall(t, 'PATCH', `/v1/admin/blog/posts/${post.id}`, 200, {
        authorization: alice,
        payload: { slug: 'second-name' },
      });
      await blogCall(t, 'PATCH', `/v1/admin/blog/posts/${post.id}`, 200, {
        authorization: alice,
        payload: { slug: 'third-name', bodyMarkdown: 'Body three' },
      });
      for (const old of ['first-name-of-a-post', 'second-name']) {
        const moved = await t.inject({ method: 'GET', url: `/v1/blog/posts/${old}` });
        expect(moved.statusCode).toBe(301);
        expect(moved.headers.location).toBe('/v1/blog/posts/third-name');
        const meta = await t.inject({ method: 'GET', url: `/v1/blog/posts/${old}/meta` });
        expect(meta.statusCode).toBe(301);
        expect(meta.headers.location).toBe('/v1/blog/posts/third-name/meta');
      }
      const current = await t.inject({ method: 'GET', url: '/v1/blog/posts/third-name' });
      expect(current.statusCode).toBe(200);
      expect(current.headers.etag).toBeDefined();
      expect(current.headers['cache-control']).toMatch(/^public, max-age=/);
      const notModified = await t.inject({
        method: 'GET',
        url: '/v1/blog/posts/third-name',
        headers: { 'if-none-match': String(current.headers.etag) },
      });
      expect(notModified.statusCode).toBe(304);

      // Another post cannot take a slug this post used (it still redirects here).
      const other = await createPost(bob, { title: 'Other', bodyMarkdown: 'x' });
      await blogCall(t, 'PATCH', `/v1/admin/blog/posts/${other.id}`, 409, {
        authorization: bob,
        payload: { slug: 'second-name' },
      });

      const revisions = await blogCall<{ items: { revision: number; slug: string }[] }>(
        t,
        'GET',
        `/v1/admin/blog/posts/${post.id}/revisions`,
        200,
        { authorization: alice },
      );
      expect(revisions.items.map((r) => [r.revision, r.slug])).toEqual([
        [3, 'third-name'],
        [2, 'second-name'],
        [1, 'first-name-of-a-post'],
      ]);
      const diff = await blogCall<{
        changes: { field: string; before: unknown; after: unknown }[];
      }>(t, 'GET', `/v1/admin/blog/posts/${post.id}/revisions/diff?from=1&to=3`, 200, {
        authorization: alice,
      });
      expect(diff.changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'slug',
            before: 'first-name-of-a-post',
            after: 'third-name',
          }),
          expect.objectContaining({
            field: 'bodyMarkdown',
            before: 'Body one',
            after: 'Body three',
          }),
        ]),
      );
      const restored = await blogCall<AdminPost>(
        t,
        'POST',
        `/v1/admin/blog/posts/${post.id}/revisions/1/restore`,
        200,
        { authorization: alice },
      );
      expect(restored).toMatchObject({
        revision: 4,
        slug: 'first-name-of-a-post',
        status: 'published',
      });
      expect(restored.bodyHtml).toBe('<p>Body one</p>\n');
      const back = await t.inject({ method: 'GET', url: '/v1/blog/posts/third-name' });
      expect(back.statusCode).toBe(301);
      expect(back.headers.location).toBe('/v1/blog/posts/first-name-of-a-post');
    });
  });

  describe('acceptance 3', () => {
    it('stores hostile Markdown as inert HTML', async () => {
      const post = await createPost(alice, {
        title: 'Hostile',
        bodyMarkdown:
          '<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))\n\n' +
          '<iframe src="https://evil.example"></iframe><a href="#" onclick="steal()">y</a>',
      });
      expect(post.bodyHtml).not.toMatch(/<script|onerror|onclick|href="javascript:|<iframe/i);
      // A javascript: link is not made a link at all: it stays the literal text.
      expect(post.bodyHtml).toContain('<p>[x](javascript:alert(3))</p>');
    });
  });

  describe('public API', () => {
    it('filters, pages with meta, picks fields and finds related posts', async () => {
      const category = await blogCall<{ id: string; slug: string }>(
        t,
        'POST',
        '/v1/admin/blog/categories',
        201,
        {
          authorization: alice,
          payload: { name: 'Career advice', description: 'Jobs and growth' },
        },
      );
      const tag = await blogCall<{ id: string; slug: string }>(
        t,
        'POST',
        '/v1/admin/blog/tags',
        201,
        {
          authorization: alice,
          payload: { name: 'Interviews' },
        },
      );
      for (let n = 1; n <= 3; n += 1) {
        await createPost(alice, {
          title: `Interview tip ${n}`,
          bodyMarkdown: `Tip number ${n} about interviews`,
          categoryId: category.id,
          tagIds: [tag.id],
          status: 'published',
        });
      }
      const page = await blogCall<{
        items: Record<string, unknown>[];
        meta: Record<string, unknown>;
      }>(
        t,
        'GET',
        '/v1/blog/posts?category=career-advice&tag=interviews&limit=2&fields=title,tags',
        200,
      );
      expect(page.meta).toEqual({ page: 1, limit: 2, pages: 2, total: 3, next: 2, prev: null });
      expect(Object.keys(page.items[0]).sort()).toEqual(['id', 'slug', 'tags', 'title']);
      expect(page.items[0].tags).toEqual([{ slug: 'interviews', name: 'Interviews' }]);
      const second = await blogCall<{ meta: Record<string, unknown>; items: unknown[] }>(
        t,
        'GET',
        '/v1/blog/posts?category=career-advice&limit=2&page=2',
        200,
      );
      expect(second.meta).toMatchObject({ page: 2, next: null, prev: 1 });
      expect(second.items).toHaveLength(1);
      // Category, tags and author are resolved in the page's one query.
      expect(second.items[0]).toMatchObject({
        category: { slug: 'career-advice', name: 'Career advice' },
        tags: [{ slug: 'interviews', name: 'Interviews' }],
        author: { slug: 'alice-writer' },
      });
      const beyond = await blogCall<{ meta: Record<string, unknown>; items: unknown[] }>(
        t,
        'GET',
        '/v1/blog/posts?category=career-advice&limit=2&page=5',
        200,
      );
      expect(beyond.items).toEqual([]);
      expect(beyond.meta).toMatchObject({ total: 3, pages: 2, prev: 2 });
      const search = await blogCall<{ items: { slug: string }[] }>(
        t,
        'GET',
        '/v1/blog/posts?search=tip%20number%202',
        200,
      );
      expect(search.items.map((p) => p.slug)).toEqual(['interview-tip-2']);
      const byAuthor = await blogCall<{ meta: { total: number } }>(
        t,
        'GET',
        '/v1/blog/posts?author=alice-writer',
        200,
      );
      expect(byAuthor.meta.total).toBeGreaterThanOrEqual(3);
      const related = await blogCall<{ items: { slug: string }[] }>(
        t,
        'GET',
        '/v1/blog/posts/interview-tip-1/related',
        200,
      );
      expect(related.items.map((p) => p.slug).sort()).toEqual([
        'interview-tip-2',
        'interview-tip-3',
      ]);
      const categories = await blogCall<{ items: { slug: string; posts: number }[] }>(
        t,
        'GET',
        '/v1/blog/categories',
        200,
      );
      expect(categories.items).toContainEqual(
        expect.objectContaining({ slug: 'career-advice', posts: 3 }),
      );
      const authors = await blogCall<{ items: { slug: string; name: string }[] }>(
        t,
        'GET',
        '/v1/blog/authors',
        200,
      );
      expect(authors.items).toContainEqual(
        expect.objectContaining({ slug: 'alice-writer', name: 'Alice Writer' }),
      );
    });

    it('keeps public lists in the response store and drops them on the next blog change', async () => {
      const category = await blogCall<{ id: string; slug: string }>(
        t,
        'POST',
        '/v1/admin/blog/categories',
        201,
        { authorization: alice, payload: { name: 'Stored lists' } },
      );
      const post = await createPost(alice, {
        title: 'Stored once',
        bodyMarkdown: 'Cached',
        categoryId: category.id,
        status: 'published',
      });
      const url = `/v1/blog/posts?category=${category.slug}&fields=title`;
      const titles = async () =>
        (await blogCall<{ items: { title: string }[] }>(t, 'GET', url, 200)).items.map(
          (p) => p.title,
        );
      expect(await titles()).toEqual(['Stored once']);
      const stored = await t.inject({ method: 'GET', url });
      expect(stored.headers['cache-control']).toBe('public, max-age=900');

      // A write straight to the table (no domain event) is not seen: the answer is stored.
      await t
        .get(EntityManager)
        .fork()
        .execute(`update blog_posts set title = 'Changed behind the API' where id = ?`, [post.id]);
      expect(await titles()).toEqual(['Stored once']);

      // A change through the API drops every stored blog answer before it answers.
      await blogCall(t, 'PATCH', `/v1/admin/blog/posts/${post.id}`, 200, {
        authorization: alice,
        payload: { title: 'Renamed through the API' },
      });
      expect(await titles()).toEqual(['Renamed through the API']);
      await blogCall(t, 'PATCH', `/v1/admin/blog/posts/${post.id}`, 200, {
        authorization: alice,
        payload: { status: 'archived' },
      });
      expect(await titles()).toEqual([]);
    });
  });

  describe('acceptance 5: comments', () => {
    it('holds a first comment, trusts after approval, holds spam, notifies the author, limits to 429', async () => {
      const post = await createPost(alice, {
        title: 'Discuss me',
        bodyMarkdown: 'Talk',
        status: 'published',
      });
      const url = `/v1/blog/posts/${post.slug}/comments`;
      const ip = freshIp();
      await blogCall(t, 'POST', url, 401, { payload: { body: 'anonymous' } });

      const first = await blogCall<Comment>(t, 'POST', url, 201, {
        authorization: reader,
        ip,
        payload: { body: 'First!' },
      });
      expect(first.status).toBe('pending');
      expect((await blogCall<{ items: Comment[] }>(t, 'GET', url, 200)).items).toEqual([]);

      const queue = await blogCall<{ items: { id: string; heldFor: string }[] }>(
        t,
        'GET',
        '/v1/admin/blog/comments',
        200,
        {
          authorization: alice,
        },
      );
      expect(queue.items).toContainEqual(
        expect.objectContaining({ id: first.id, heldFor: 'first_comment' }),
      );
      // Bob does not moderate Alice's posts.
      await blogCall(t, 'PATCH', `/v1/admin/blog/comments/${first.id}`, 404, {
        authorization: bob,
        payload: { status: 'approved' },
      });
      await eventually(async () => {
        const inbox = await blogCall<{ items: { type: string }[] }>(
          t,
          'GET',
          '/v1/me/notifications',
          200,
          {
            authorization: alice,
          },
        );
        return inbox.items.some((n) => n.type === 'blog.comment_pending');
      });

      await blogCall(t, 'PATCH', `/v1/admin/blog/comments/${first.id}`, 200, {
        authorization: alice,
        payload: { status: 'approved' },
      });
      const second = await blogCall<Comment>(t, 'POST', url, 201, {
        authorization: reader,
        ip,
        payload: { body: 'Trusted now', parentId: first.id },
      });
      expect(second.status).toBe('approved');
      const shown = await blogCall<{ items: Comment[] }>(t, 'GET', url, 200);
      expect(shown.items.map((c) => c.body)).toEqual(['First!', 'Trusted now']);

      const spam = await blogCall<Comment>(t, 'POST', url, 201, {
        authorization: reader,
        ip,
        payload: { body: 'https://a.example https://b.example https://c.example' },
      });
      expect(spam.status).toBe('spam');
      expect((await blogCall<{ items: Comment[] }>(t, 'GET', url, 200)).items).toHaveLength(2);

      // 5 per 10 minutes per account: two more pass, the sixth is refused.
      await blogCall(t, 'POST', url, 201, { authorization: reader, ip, payload: { body: 'four' } });
      await blogCall(t, 'POST', url, 201, { authorization: reader, ip, payload: { body: 'five' } });
      const limited = await t.inject({
        method: 'POST',
        url,
        remoteAddress: ip,
        headers: { authorization: reader },
        payload: { body: 'six' },
      });
      expect(limited.statusCode).toBe(429);
      expect(limited.json<{ code: string }>().code).toBe('rate_limit.exceeded');
    });
  });

  describe('counters and erasure', () => {
    it('dedupes views per visitor and day, flushes them, counts likes; erasure anonymises', async () => {
      const leaverId = await createUser(t, {
        email: 'leaver@blog.test',
        password,
        name: 'Leo Leaver',
      });
      const leaver = (await signIn(t, 'leaver@blog.test', password)).authorization;
      const post = await createPost(alice, {
        title: 'Counted',
        bodyMarkdown: 'Read me',
        status: 'published',
      });
      const views = `/v1/blog/posts/${post.slug}/views`;
      expect(await blogCall(t, 'POST', views, 200, { authorization: leaver })).toEqual({
        counted: true,
      });
      expect(await blogCall(t, 'POST', views, 200, { authorization: leaver })).toEqual({
        counted: false,
      });
      expect(await blogCall(t, 'POST', views, 200, { ip: '203.0.113.5' })).toEqual({
        counted: true,
      });
      expect(await blogCall(t, 'POST', views, 200, { ip: '203.0.113.5' })).toEqual({
        counted: false,
      });
      expect(await t.get(CommandBus).execute(new FlushViewsCommand())).toBeGreaterThanOrEqual(2);
      const mostRead = await blogCall<{ items: { slug: string; views: number }[] }>(
        t,
        'GET',
        '/v1/blog/most-read',
        200,
      );
      expect(mostRead.items[0]).toMatchObject({ slug: post.slug, views: 2 });

      const like = `/v1/blog/posts/${post.slug}/like`;
      await blogCall(t, 'PUT', like, 200, { authorization: leaver });
      expect(await blogCall(t, 'PUT', like, 200, { authorization: leaver })).toMatchObject({
        likes: 1,
      });
      expect(await blogCall(t, 'POST', `/v1/blog/posts/${post.slug}/shares`, 200)).toMatchObject({
        shares: 1,
      });

      const comments = `/v1/blog/posts/${post.slug}/comments`;
      const comment = await blogCall<Comment>(t, 'POST', comments, 201, {
        authorization: leaver,
        ip: freshIp(),
        payload: { body: 'Keep this text' },
      });
      await blogCall(t, 'DELETE', '/v1/me', 204, { authorization: leaver, payload: { password } });
      const em = t.get(EntityManager).fork();
      await eventually(async () => {
        const [row] = await em.execute<{ user_id: string | null }[]>(
          'select user_id from blog_comments where id = ?',
          [comment.id],
        );
        return row.user_id === null;
      }, 30_000);
      const [row] = await em.execute<{ author_name: string; body: string }[]>(
        'select author_name, body from blog_comments where id = ?',
        [comment.id],
      );
      expect(row).toEqual({ author_name: 'deleted user', body: 'Keep this text' });
      const [likes] = await em.execute<{ n: string }[]>(
        'select count(*) as n from blog_post_likes where user_id = ?',
        [leaverId],
      );
      expect(Number(likes.n)).toBe(0);
      const counters = await blogCall<{ likes: number }>(
        t,
        'GET',
        `/v1/blog/posts/${post.slug}`,
        200,
      );
      expect(counters.likes).toBe(0);
    });
  });
});
