import type { Queue } from 'bull';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import { eventually, WorkerProcess } from '@lib/testing';
import { FaultFixture, png } from './support/fault-fixture';
import { settled, uploaded } from './support/files';

describe('a worker killed with SIGKILL in the middle of a job', () => {
  let fixture: FaultFixture;
  /** One worker runs at a time; each test kills it and starts the next. */
  let worker: WorkerProcess | undefined;
  const restartWorker = async () => {
    await worker?.kill();
    worker = await WorkerProcess.start(fixture.api, fixture.env);
  };
  const completed = (queue: Queue, id: string) =>
    eventually(async () => (await (await queue.getJob(id))?.getState()) === 'completed', 10_000);

  beforeAll(async () => {
    fixture = await FaultFixture.open('kill@worker.test', 'worker-kill-password-123');
    await restartWorker();
  }, 90_000);
  afterAll(async () => {
    await worker?.kill();
    await fixture?.close();
  });

  it('during a CV export: after a restart the export is ready once, its file recorded once', async () => {
    const held = await fixture.exportHeldBeforeRecording('Kill me');
    const queue = fixture.queue('cvExports');
    expect(await fixture.eventCount(held.cvId, 'cv.downloaded')).toBe(0);

    await worker?.kill();
    await held.release();
    expect((await queue.getJob(held.exportId))?.finishedOn).toBeUndefined();

    await restartWorker();
    expect((await fixture.exportOutcome(held.exportId)).status).toBe('ready');
    await completed(queue, held.exportId);
    expect(await fixture.eventCount(held.cvId, 'cv.downloaded')).toBe(1);
    const [file] = (
      await fixture.db.query<{ storage_key: string }>(
        'select storage_key from cv_rendered_files where cv_id = $1',
        [held.cvId],
      )
    ).rows;
    expect(
      await fixture.count('select count(*) as n from cv_rendered_files where cv_id = $1', [
        held.cvId,
      ]),
    ).toBe(1);
    const storage = fixture.api.get<StoragePort>(STORAGE_PORT);
    expect(await storage.exists('cv-files', file.storage_key)).toBe(true);
  }, 150_000);

  it('during a file scan: after a restart the upload is scanned and ready once', async () => {
    const { api, gate, user } = fixture;
    const scansBefore = gate.connections;
    const created = await uploaded(api, user.authorization, 'profile-image', {
      filename: 'me.png',
      content: await png('#468', 320),
    });
    const queue = fixture.queue('files');
    await eventually(async () => (await queue.getJob(created.id))?.isActive(), 30_000);
    await eventually(() => Promise.resolve(gate.connections > scansBefore), 30_000);

    await worker?.kill();
    gate.forward();
    expect(await fixture.eventCount(created.id, 'files.file_ready')).toBe(0);

    await restartWorker();
    const file = await settled(api, user.authorization, created.id, 30_000);
    expect(file.status).toBe('ready');
    expect(Object.keys(file.variants)).toContain('w256');
    await completed(queue, created.id);
    expect(await fixture.eventCount(created.id, 'files.file_ready')).toBe(1);
    expect(await fixture.eventCount(created.id, 'files.file_rejected')).toBe(0);
  }, 150_000);
});
