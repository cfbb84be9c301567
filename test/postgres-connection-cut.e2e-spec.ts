import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Client } from 'pg';
import sharp from 'sharp';
import { QUEUES } from '@lib/queue';
import { eventually, TestApp, WorkerProcess } from '@lib/testing';
import { createUser, signIn, type Session } from './support/accounts';
import { ClamdGate } from './support/clamd-gate';
import { settled, uploaded } from './support/files';

const PASSWORD = 'pg-cut-password-123';

/**
 * The shared PostgreSQL server is never restarted: the suite cuts every
 * connection the app (in-process API and worker process) holds to its own
 * database with pg_terminate_backend, as a server restart or failover would.
 */
describe('PostgreSQL connections cut in the middle of work', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let db: Client;
  let gate: ClamdGate;
  let user: Session;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
  const eventCount = (streamId: string, type: string) =>
    count('select count(*) as n from event_store where stream_id = $1 and type = $2', [
      streamId,
      type,
    ]);
  /** Terminates every backend on the suite's database except the test's own clients. */
  const cutConnections = (...keep: Client[]) =>
    count(
      `select count(pg_terminate_backend(pid)) as n from pg_stat_activity
        where datname = current_database() and not (pid = any($1::int[]))`,
      [[db, ...keep].map((client) => (client as unknown as { processID: number }).processID)],
    );
  const png = (background: string) =>
    sharp({ create: { width: 300, height: 300, channels: 3, background } })
      .png()
      .toBuffer();
  const apiReady = async () =>
    (await api.inject({ method: 'GET', url: '/health/ready' })).statusCode;

  beforeAll(async () => {
    gate = await ClamdGate.open();
    const env = {
      QUEUE_LOCK_DURATION_MS: '4000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      CLAMD_PORT: String(gate.port),
      CLAMD_TIMEOUT_MS: '30000',
      FILES_RETRY_MAX_DELAY_MS: '500',
    };
    api = await TestApp.create({ role: 'api', env });
    db = new Client({ connectionString: api.config.env.DATABASE_URL });
    await db.connect();
    await createUser(api, { email: 'pg@cut.test', password: PASSWORD, tier: 'premium' });
    user = await signIn(api, 'pg@cut.test', PASSWORD);
    worker = await WorkerProcess.start(api, env);
  }, 150_000);
  afterAll(async () => {
    await worker?.kill();
    await db?.end();
    await gate?.close();
    await api?.close();
  });

  it('a CV export whose connection is cut while it waits to record its file ends ready once', async () => {
    const created = await api.inject({
      method: 'POST',
      url: '/v1/cvs',
      headers: { authorization: user.authorization },
      payload: { title: 'Cut me', document: { basics: { name: 'Pat Gres' } } },
    });
    expect(created.statusCode).toBe(201);
    const cvId = created.json<{ id: string }>().id;
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
    await eventually(
      async () =>
        (await count(
          `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation
            where c.relname = 'cv_rendered_files' and not l.granted`,
        )) > 0,
      40_000,
    );

    expect(await cutConnections(lock)).toBeGreaterThan(0);
    await lock.query('rollback');
    await lock.end();

    const body = await eventually(async () => {
      const response = await api.inject({
        method: 'GET',
        url: `/v1/cv-exports/${exportId}`,
        headers: { authorization: user.authorization },
      });
      if (response.statusCode !== 200) return undefined;
      const found = response.json<{ status: string; error?: string }>();
      return found.status !== 'queued' && found.status !== 'rendering' && found;
    }, 30_000);
    expect(body).toMatchObject({ status: 'ready' });
    expect(await eventCount(cvId, 'cv.downloaded')).toBe(1);
    const queue = api.get<Queue>(getQueueToken(QUEUES.cvExports));
    await eventually(async () => (await queue.getJob(exportId))?.isCompleted(), 10_000);
  }, 150_000);

  it('a file scan cut mid-way and an upload right after the cut both end ready once', async () => {
    gate.hold();
    const scansBefore = gate.connections;
    const first = await uploaded(api, user.authorization, 'profile-image', {
      filename: 'first.png',
      content: await png('#135'),
    });
    await eventually(() => Promise.resolve(gate.connections > scansBefore), 30_000);

    expect(await cutConnections()).toBeGreaterThan(0);
    // The API commits an upload on a pool whose connections were all just cut.
    const second = await eventually(async () => {
      try {
        return await uploaded(api, user.authorization, 'profile-image', {
          filename: 'second.png',
          content: await png('#531'),
        });
      } catch {
        return undefined;
      }
    }, 15_000);
    gate.forward();

    for (const file of [first, second]) {
      expect((await settled(api, user.authorization, file.id, 30_000)).status).toBe('ready');
      expect(await eventCount(file.id, 'files.file_uploaded')).toBe(1);
      expect(await eventCount(file.id, 'files.file_ready')).toBe(1);
    }
    expect(await apiReady()).toBe(200);
    await worker.ready(10_000);
  }, 150_000);
});
