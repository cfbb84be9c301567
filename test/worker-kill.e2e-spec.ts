import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Client } from 'pg';
import sharp from 'sharp';
import { QUEUES } from '@lib/queue';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import { eventually, TestApp, WorkerProcess } from '@lib/testing';
import { createUser, signIn, type Session } from './support/accounts';
import { ClamdGate } from './support/clamd-gate';
import { settled, uploaded } from './support/files';

const PASSWORD = 'worker-kill-password-123';
/** A killed worker's job lock expires after 4 s and is looked for every second. */
const STALLED_FAST = { QUEUE_LOCK_DURATION_MS: '4000', QUEUE_STALLED_INTERVAL_MS: '1000' };

describe('a worker killed with SIGKILL in the middle of a job', () => {
  let api: TestApp;
  let db: Client;
  let gate: ClamdGate;
  let workerEnv: Record<string, string>;
  let user: Session;
  /** One worker runs at a time; each test kills it and starts the next. */
  let worker: WorkerProcess | undefined;
  const restartWorker = async () => {
    await worker?.kill();
    worker = await WorkerProcess.start(api, workerEnv);
  };
  const completed = (queue: Queue, id: string) =>
    eventually(async () => (await (await queue.getJob(id))?.getState()) === 'completed', 10_000);
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
  const eventCount = (streamId: string, type: string) =>
    count('select count(*) as n from event_store where stream_id = $1 and type = $2', [
      streamId,
      type,
    ]);

  beforeAll(async () => {
    gate = await ClamdGate.open();
    workerEnv = { ...STALLED_FAST, CLAMD_PORT: String(gate.port), CLAMD_TIMEOUT_MS: '30000' };
    api = await TestApp.create({ role: 'api', env: workerEnv });
    db = new Client({ connectionString: api.config.env.DATABASE_URL });
    await db.connect();
    await createUser(api, { email: 'kill@worker.test', password: PASSWORD, tier: 'premium' });
    user = await signIn(api, 'kill@worker.test', PASSWORD);
    await restartWorker();
  }, 90_000);
  afterAll(async () => {
    await worker?.kill();
    await db?.end();
    await gate?.close();
    await api?.close();
  });

  it('during a CV export: after a restart the export is ready once, its file recorded once', async () => {
    const created = await api.inject({
      method: 'POST',
      url: '/v1/cvs',
      headers: { authorization: user.authorization },
      payload: { title: 'Kill me', document: { basics: { name: 'Kim Worker' } } },
    });
    expect(created.statusCode).toBe(201);
    const cvId = created.json<{ id: string }>().id;

    // The worker renders the PDF, then waits to record the file: it is in the middle of the job.
    const lock = new Client({ connectionString: api.config.env.DATABASE_URL });
    await lock.connect();
    await lock.query('begin');
    await lock.query('lock table cv_rendered_files in share mode');
    const accepted = await api.inject({
      method: 'POST',
      url: `/v1/cvs/${cvId}/exports`,
      headers: { authorization: user.authorization },
      payload: { format: 'pdf' },
    });
    expect(accepted.statusCode).toBe(202);
    const { exportId } = accepted.json<{ exportId: string }>();
    const queue = api.get<Queue>(getQueueToken(QUEUES.cvExports));
    await eventually(async () => (await queue.getJob(exportId))?.isActive(), 30_000);
    await eventually(
      async () =>
        (await count(
          `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation
            where c.relname = 'cv_rendered_files' and not l.granted`,
          [],
        )) > 0,
      30_000,
    );
    expect(await eventCount(cvId, 'cv.downloaded')).toBe(0);

    await worker?.kill();
    await lock.query('rollback');
    await lock.end();
    expect((await queue.getJob(exportId))?.finishedOn).toBeUndefined();

    await restartWorker();
    const ready = await eventually(async () => {
      const response = await api.inject({
        method: 'GET',
        url: `/v1/cv-exports/${exportId}`,
        headers: { authorization: user.authorization },
      });
      const body = response.json<{ status: string; downloadUrl?: string }>();
      return body.status !== 'queued' && body.status !== 'rendering' && body;
    }, 30_000);
    expect(ready.status).toBe('ready');
    await completed(queue, exportId);
    expect(await eventCount(cvId, 'cv.downloaded')).toBe(1);
    const [file] = (
      await db.query<{ storage_key: string }>(
        'select storage_key from cv_rendered_files where cv_id = $1',
        [cvId],
      )
    ).rows;
    expect(
      await count('select count(*) as n from cv_rendered_files where cv_id = $1', [cvId]),
    ).toBe(1);
    expect(await api.get<StoragePort>(STORAGE_PORT).exists('cv-files', file.storage_key)).toBe(
      true,
    );
  }, 150_000);

  it('during a file scan: after a restart the upload is scanned and ready once', async () => {
    const scansBefore = gate.connections;
    const created = await uploaded(api, user.authorization, 'profile-image', {
      filename: 'me.png',
      content: await sharp({ create: { width: 320, height: 320, channels: 3, background: '#468' } })
        .png()
        .toBuffer(),
    });
    const queue = api.get<Queue>(getQueueToken(QUEUES.files));
    await eventually(async () => (await queue.getJob(created.id))?.isActive(), 30_000);
    await eventually(() => Promise.resolve(gate.connections > scansBefore), 30_000);

    await worker?.kill();
    gate.forward();
    expect(await eventCount(created.id, 'files.file_ready')).toBe(0);

    await restartWorker();
    const file = await settled(api, user.authorization, created.id, 30_000);
    expect(file.status).toBe('ready');
    expect(Object.keys(file.variants)).toContain('w256');
    await completed(queue, created.id);
    expect(await eventCount(created.id, 'files.file_ready')).toBe(1);
    expect(await eventCount(created.id, 'files.file_rejected')).toBe(0);
  }, 150_000);
});
