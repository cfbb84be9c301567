import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { connect, createServer, type Server } from 'node:net';
import sharp from 'sharp';
import { eventually, freePort, TestApp } from '@lib/testing';
import { QUEUES } from '@lib/queue';
import { RequeueStalledUploads } from '../src/modules/files';
import { createUser, signIn, type Session } from './support/accounts';
import { getFile, settled, uploaded } from './support/files';

const PASSWORD = 'files-password-123';

/** Forwards a port to the real clamd (127.0.0.1:3310): "clamd is back". */
function clamdOn(port: number): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(3310, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('Files while clamd is down', () => {
  let t: TestApp;
  let port: number;
  let proxy: Server | undefined;
  let user: Session;

  beforeAll(async () => {
    port = await freePort();
    t = await TestApp.create({
      env: { CLAMD_PORT: String(port), CLAMD_TIMEOUT_MS: '2000', FILES_RETRY_MAX_DELAY_MS: '400' },
    });
    await createUser(t, { email: 'lin@files.test', password: PASSWORD });
    user = await signIn(t, 'lin@files.test', PASSWORD);
  });
  afterAll(async () => {
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await t.close();
  });

  it('keeps an upload pending while the scanner is unreachable, and makes it ready once clamd is back', async () => {
    const created = await uploaded(t, user.authorization, 'profile-image', {
      filename: 'me.png',
      content: await sharp({ create: { width: 400, height: 400, channels: 3, background: '#555' } })
        .png()
        .toBuffer(),
    });
    const queue = t.get<Queue>(getQueueToken(QUEUES.files));
    // Several failed attempts, each refused by the closed port...
    await eventually(async () => {
      const job = await queue.getJob(created.id);
      return job !== null && job.attemptsMade >= 3;
    }, 15000);
    const job = await queue.getJob(created.id);
    expect(job?.failedReason).toMatch(/clamd unreachable/);
    // ...and never ready or rejected without a verdict.
    const waiting = await getFile(t, user.authorization, created.id);
    expect(waiting).toMatchObject({ status: 'pending', variants: {} });

    proxy = await clamdOn(port);
    const file = await settled(t, user.authorization, created.id, 20000);
    expect(file.status).toBe('ready');
    expect(Object.keys(file.variants)).toContain('w256');
  }, 60000);
});

describe('Files whose scan gave up during a long outage', () => {
  let t: TestApp;
  let port: number;
  let proxy: Server | undefined;

  beforeAll(async () => {
    port = await freePort();
    t = await TestApp.create({
      env: { CLAMD_PORT: String(port), CLAMD_TIMEOUT_MS: '2000', FILES_JOB_ATTEMPTS: '2' },
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await t.close();
  });

  it('stay pending after the last attempt and go through when the sweep requeues them', async () => {
    await createUser(t, { email: 'max@files.test', password: PASSWORD });
    const user = await signIn(t, 'max@files.test', PASSWORD);
    const created = await uploaded(t, user.authorization, 'blog-image', {
      filename: 'b.png',
      content: await sharp({ create: { width: 300, height: 200, channels: 3, background: '#246' } })
        .png()
        .toBuffer(),
    });
    const queue = t.get<Queue>(getQueueToken(QUEUES.files));
    await eventually(async () => (await queue.getJob(created.id))?.isFailed(), 15000);
    expect((await getFile(t, user.authorization, created.id)).status).toBe('pending');

    const sweep = t.get(RequeueStalledUploads);
    expect(await sweep.run(60 * 60_000)).toEqual({ retried: 0, enqueued: 0 }); // too recent
    proxy = await clamdOn(port);
    expect(await sweep.run(0)).toEqual({ retried: 1, enqueued: 0 });
    expect((await settled(t, user.authorization, created.id, 20000)).status).toBe('ready');
    expect(await sweep.run(0)).toEqual({ retried: 0, enqueued: 0 });
  }, 60000);
});
