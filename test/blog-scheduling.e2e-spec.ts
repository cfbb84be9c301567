import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { eventually, TestApp } from '@lib/testing';
import { PublishDuePostCommand } from '../src/modules/blog/commands/publish-due-post/publish-due-post.command';
import { BlogPublicationScheduler } from '../src/modules/blog/jobs/blog-publication.scheduler';
import { createUser, signIn } from './support/accounts';
import { blogCall, publicPlaces, type AdminPost } from './support/blog';

/** Acceptance 1: draft → scheduled → published once by one of two workers; archived → gone. */
describe('blog scheduling across two workers', () => {
  let api: TestApp;
  let workers: TestApp[];
  let editor: string;

  beforeAll(async () => {
    api = await TestApp.create({ role: 'api' });
    workers = [
      await TestApp.create({ role: 'worker', replicaOf: api }),
      await TestApp.create({ role: 'worker', replicaOf: api }),
    ];
    await createUser(api, { email: 'ed@blog.test', password: 'editor-password-1', role: 'editor' });
    editor = (await signIn(api, 'ed@blog.test', 'editor-password-1')).authorization;
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await api.close();
  });

  const publishedEvents = async (postId: string) => {
    const rows = await api
      .get(EntityManager)
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from event_store where stream_id = ? and type = 'blog.post_changed'
         and payload->>'change' = 'published'`,
        [postId],
      );
    return Number(rows[0].n);
  };

  it('publishes at publishAt exactly once, shows it everywhere, and archiving removes it', async () => {
    const draft = await blogCall<AdminPost>(api, 'POST', '/v1/admin/blog/posts', 201, {
      authorization: editor,
      payload: { title: 'Scheduled for later', bodyMarkdown: 'Out *soon*.' },
    });
    expect(draft.status).toBe('draft');
    await blogCall(api, 'GET', `/v1/blog/posts/${draft.slug}`, 404);
    expect(await publicPlaces(api, draft.slug)).toEqual({
      list: false,
      sitemap: false,
      rss: false,
    });

    const publishAt = new Date(Date.now() + 2_000);
    const scheduled = await blogCall<AdminPost>(
      api,
      'PATCH',
      `/v1/admin/blog/posts/${draft.id}`,
      200,
      {
        authorization: editor,
        payload: { status: 'scheduled', publishAt: publishAt.toISOString() },
      },
    );
    expect(scheduled.status).toBe('scheduled');
    await blogCall(api, 'GET', `/v1/blog/posts/${draft.slug}`, 404);

    await eventually(
      async () =>
        (await api.inject({ method: 'GET', url: `/v1/blog/posts/${draft.slug}` })).statusCode ===
        200,
      45_000,
    );
    const live = await blogCall<{ publishedAt: string }>(
      api,
      'GET',
      `/v1/blog/posts/${draft.slug}`,
      200,
    );
    expect(live.publishedAt).toBe(publishAt.toISOString());
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());

    // Both workers' safety-net ticks and direct runs find nothing left to publish.
    await Promise.all(workers.map((w) => w.get(BlogPublicationScheduler).enqueueDue()));
    const again = await Promise.all(
      workers.map((w) => w.get(CommandBus).execute(new PublishDuePostCommand(draft.id))),
    );
    expect(again).toEqual([false, false]);
    expect(await publishedEvents(draft.id)).toBe(1);
    expect(await publicPlaces(api, draft.slug)).toEqual({ list: true, sitemap: true, rss: true });

    await blogCall(api, 'PATCH', `/v1/admin/blog/posts/${draft.id}`, 200, {
      authorization: editor,
      payload: { status: 'archived' },
    });
    await blogCall(api, 'GET', `/v1/blog/posts/${draft.slug}`, 404);
    expect(await publicPlaces(api, draft.slug)).toEqual({
      list: false,
      sitemap: false,
      rss: false,
    });
    expect(await publishedEvents(draft.id)).toBe(1);
  });

  it('two workers racing on one due post publish it once', async () => {
    const post = await blogCall<AdminPost>(api, 'POST', '/v1/admin/blog/posts', 201, {
      authorization: editor,
      payload: {
        title: 'Raced',
        bodyMarkdown: 'x',
        status: 'scheduled',
        publishAt: new Date(Date.now() + 600).toISOString(),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const results = await Promise.all(
      [...workers, ...workers].map((w) =>
        w.get(CommandBus).execute(new PublishDuePostCommand(post.id)),
      ),
    );
    // The delayed job may have won already; whoever ran, it was one run.
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    await eventually(async () => (await publishedEvents(post.id)) > 0);
    expect(await publishedEvents(post.id)).toBe(1);
  });
});
