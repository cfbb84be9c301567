import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import type { SandboxNetwork } from '@lib/providers';
import { QUEUES } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { SocialAccount, SocialNetworks, SocialTokenVault } from '../src/modules/social';
import { createUser, signIn } from './support/accounts';
import { connectSandbox, readyFile } from './support/social';

interface Post {
  id: string;
  targets: Array<{
    id: string;
    accountId: string;
    status: string;
    scheduledAt: string;
    publishedAt: string | null;
    remoteId: string | null;
  }>;
}

describe('social publishing with two workers (acceptance 3)', () => {
  const env = { SOCIAL_SCHEDULE: 'false' };
  let api: TestApp;
  let workers: TestApp[] = [];

  beforeAll(async () => {
    api = await TestApp.create({ role: 'api', env });
    workers = [
      await TestApp.create({ role: 'worker', replicaOf: api, env }),
      await TestApp.create({ role: 'worker', replicaOf: api, env }),
    ];
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api.close();
  });

  it('publishes a post scheduled for T at T, once per account, even when its job runs twice', async () => {
    const userId = await createUser(api, {
      email: 'two-workers@example.com',
      password: 'correct horse battery',
      tier: 'pro',
    });
    const { authorization } = await signIn(api, 'two-workers@example.com', 'correct horse battery');
    const accounts = [
      await connectSandbox(api, authorization),
      await connectSandbox(api, authorization),
    ];
    const image = await readyFile(api, userId);
    const at = new Date(Date.now() + 4000);
    const response = await api.inject({
      method: 'POST',
      url: '/v1/social/posts',
      headers: { authorization },
      payload: {
        text: 'Out at T, exactly once',
        media: [{ fileId: image }],
        accounts,
        scheduledAt: at.toISOString(),
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<Post>();
    expect(created.targets.map((t) => t.status)).toEqual(['queued', 'queued']);

    // A redelivery of each job at the same time, raced by the other worker.
    const queue = api.get<Queue>(getQueueToken(QUEUES.scheduled));
    for (const target of created.targets) {
      await queue.add(
        'social-publish',
        { targetId: target.id, scheduledAt: target.scheduledAt },
        {
          jobId: `redelivered:${target.id}`,
          delay: Math.max(0, at.getTime() - Date.now()),
          attempts: 1,
        },
      );
    }

    const done = await eventually(async () => {
      const current = (
        await api.inject({
          method: 'GET',
          url: `/v1/social/posts/${created.id}`,
          headers: { authorization },
        })
      ).json<Post>();
      return current.targets.every((t) => t.status === 'published') ? current : undefined;
    }, 30_000);
    for (const target of done.targets) {
      expect(new Date(target.publishedAt!).getTime()).toBeGreaterThanOrEqual(at.getTime());
    }

    const em = api.get(EntityManager).fork();
    const events = await em.execute<Array<{ type: string }>>(
      `select type from event_store where stream_id = ? and type = 'social.post_published'`,
      [created.id],
    );
    expect(events).toHaveLength(2);
    const sandbox = api.get(SocialNetworks).driver('sandbox') as SandboxNetwork;
    for (const accountId of accounts) {
      const account = await em.findOneOrFail(SocialAccount, { id: accountId });
      const remote = await sandbox.findRecent(
        {
          remoteId: account.remoteId,
          accessToken: api.get(SocialTokenVault).open(account).accessToken,
        },
        new Date(at.getTime() - 60_000),
      );
      expect(remote.map((p) => p.text)).toEqual(['Out at T, exactly once']);
    }
  });
});
