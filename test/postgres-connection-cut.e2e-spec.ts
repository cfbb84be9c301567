import type { Client } from 'pg';
import { eventually, WorkerProcess } from '@lib/testing';
import { FaultFixture, png } from './support/fault-fixture';
import { settled, uploaded } from './support/files';

/**
 * The shared PostgreSQL server is never restarted: the suite cuts every
 * connection the app (in-process API and worker process) holds to its own
 * database with pg_terminate_backend, as a server restart or failover would.
 */
describe('PostgreSQL connections cut in the middle of work', () => {
  let fixture: FaultFixture;
  let worker: WorkerProcess;

  /** Terminates every backend on the suite's database except the test's own clients. */
  const cutConnections = (...keep: Client[]) =>
    fixture.count(
      `select count(pg_terminate_backend(pid)) as n from pg_stat_activity
        where datname = current_database() and not (pid = any($1::int[]))`,
      [
        [fixture.db, ...keep].map(
          (client) => (client as unknown as { processID: number }).processID,
        ),
      ],
    );
  const apiReady = async () =>
    (await fixture.api.inject({ method: 'GET', url: '/health/ready' })).statusCode;

  beforeAll(async () => {
    fixture = await FaultFixture.open('pg@cut.test', 'pg-cut-password-123', {
      FILES_RETRY_MAX_DELAY_MS: '500',
    });
    worker = await WorkerProcess.start(fixture.api, fixture.env);
  }, 150_000);
  afterAll(async () => {
    await worker?.kill();
    await fixture?.close();
  });

  it('a CV export whose connection is cut while it waits to record its file ends ready once', async () => {
    const held = await fixture.exportHeldBeforeRecording('Cut me');

    expect(await cutConnections(held.lock)).toBeGreaterThan(0);
    await held.release();

    expect(await fixture.exportOutcome(held.exportId)).toMatchObject({ status: 'ready' });
    expect(await fixture.eventCount(held.cvId, 'cv.downloaded')).toBe(1);
    const queue = fixture.queue('cvExports');
    await eventually(async () => (await queue.getJob(held.exportId))?.isCompleted(), 10_000);
  }, 150_000);

  it('a file scan cut mid-way and an upload right after the cut both end ready once', async () => {
    const { api, gate, user } = fixture;
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
      expect(await fixture.eventCount(file.id, 'files.file_uploaded')).toBe(1);
      expect(await fixture.eventCount(file.id, 'files.file_ready')).toBe(1);
    }
    expect(await apiReady()).toBe(200);
    await worker.ready(10_000);
  }, 150_000);
});
