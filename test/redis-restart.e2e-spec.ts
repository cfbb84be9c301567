import { getQueueToken } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { QUEUES } from '@lib/queue';
import { eventually, PrivateRedis, TestApp, WorkerProcess } from '@lib/testing';
import { UploadFileCommand } from '../src/modules/files/commands/upload-file/upload-file.command';
import { createUser, signIn, type Session } from './support/accounts';
import { settled } from './support/files';

const PASSWORD = 'redis-restart-password-123';
const STALLED_FAST = { QUEUE_LOCK_DURATION_MS: '4000', QUEUE_STALLED_INTERVAL_MS: '1000' };
const uploadDir = mkdtempSync(join(tmpdir(), 'ct-redis-restart-'));

describe('a Redis restart (a private redis-server with AOF)', () => {
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: TestApp;
  let db: Client;
  let user: Session;
  let userId: string;
  let cvId: string;
  let worker: WorkerProcess | undefined;

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    api.inject({
      method,
      url,
      headers: { authorization: user.authorization },
      ...(payload ? { payload } : {}),
    });
  const requestExport = async (format: string) => {
    const response = await call('POST', `/v1/cvs/${cvId}/exports`, { format });
    expect(response.statusCode).toBe(202);
    return response.json<{ exportId: string }>().exportId;
  };
  const exportStatus = async (id: string) =>
    (await call('GET', `/v1/cv-exports/${id}`)).json<{ status: string }>().status;
  const ready = (id: string) =>
    eventually(async () => (await exportStatus(id)) === 'ready', 30_000);
  const apiReady = async () =>
    (await api.inject({ method: 'GET', url: '/health/ready' })).statusCode;
  const downloads = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          `select count(*) as n from event_store where stream_id = $1 and type = 'cv.downloaded'`,
          [cvId],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    env = { ...STALLED_FAST, REDIS_URL: redis.url };
    api = await TestApp.create({ role: 'api', env });
    db = new Client({ connectionString: api.config.env.DATABASE_URL });
    await db.connect();
    userId = await createUser(api, { email: 'ops@redis.test', password: PASSWORD, tier: 'pro' });
    user = await signIn(api, 'ops@redis.test', PASSWORD);
    const created = await call('POST', '/v1/cvs', {
      title: 'Survives restarts',
      document: { basics: { name: 'Ray Dis' } },
    });
    expect(created.statusCode).toBe(201);
    cvId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await worker?.kill();
    await redis?.restart().catch(() => undefined); // up again, so the app closes cleanly
    await db?.end();
    await api?.close();
    await redis?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('keeps queued jobs, and an event whose handler could not enqueue is delivered later', async () => {
    // No worker yet: the jobs wait in Redis.
    const queued = [await requestExport('json-resume'), await requestExport('html')];
    const exports = api.get<Queue>(getQueueToken(QUEUES.cvExports));
    expect((await exports.getJobCounts()).waiting).toBe(2);

    await redis.stop();
    await eventually(async () => (await apiReady()) === 503, 10_000);
    // A file committed while Redis is down: its FileUploaded handler cannot queue the scan.
    const upload = pngUpload(
      await sharp({ create: { width: 300, height: 300, channels: 3, background: '#a52' } })
        .png()
        .toBuffer(),
    );
    const file = await api
      .get(CommandBus)
      .execute(new UploadFileCommand(userId, 'profile-image', upload));

    await redis.restart();
    await eventually(async () => (await apiReady()) === 200, 20_000);
    expect((await exports.getJobCounts()).waiting).toBe(2);
    expect(await api.get<Queue>(getQueueToken(QUEUES.files)).getJob(file.id)).toBeNull();
    expect(await Promise.all(queued.map(exportStatus))).toEqual(['queued', 'queued']);

    worker = await WorkerProcess.start(api, env);
    await Promise.all(queued.map(ready));
    expect(await downloads()).toBe(2);
    expect((await settled(api, user.authorization, file.id, 30_000)).status).toBe('ready');
  }, 150_000);

  it('a running worker reconnects after a restart and goes on taking jobs', async () => {
    worker ??= await WorkerProcess.start(api, env);
    const before = await downloads();
    await redis.stop();
    await eventually(async () => (await worker!.readyStatus()) === 503, 10_000);
    await redis.restart();
    await worker.ready(20_000);
    await eventually(async () => (await apiReady()) === 200, 20_000);

    const id = await requestExport('json-resume');
    await ready(id);
    expect(await downloads()).toBe(before + 1);
  }, 150_000);
});

/** An upload as the multipart reader leaves it: a temporary file, hashed and typed. */
function pngUpload(content: Buffer) {
  const tempPath = join(uploadDir, 'upload.png');
  writeFileSync(tempPath, content);
  return {
    tempPath,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    type: 'png' as const,
    originalName: 'me.png',
  };
}
