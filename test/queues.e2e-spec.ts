import { getQueueToken, Process, Processor } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { DistributedLock, QUEUES } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { MaintenanceScheduler, PURGE_MAIL_JOB } from '../src/modules/maintenance';

const started: string[] = [];
const finished: string[] = [];
let releaseSlowJob: () => void = () => undefined;
const slowJobGate = new Promise<void>((resolve) => {
  releaseSlowJob = resolve;
});

/** A job that runs until the test releases it, to see whether shutdown waits for it. */
@Processor(QUEUES.scheduled)
class SlowJobProbe {
  @Process('slow-probe')
  async run(job: Job<{ id: string }>): Promise<void> {
    started.push(job.data.id);
    await slowJobGate;
    finished.push(job.data.id);
  }
}

@Module({ providers: [SlowJobProbe] })
class SlowJobModule {}

describe('schedules across replicas', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await TestApp.create({ role: 'worker' });
    b = await TestApp.create({ role: 'worker', replicaOf: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a cron tick fired by two instances enqueues and runs one job', async () => {
    const at = new Date('2026-11-26T03:00:00Z');
    await Promise.all([
      a.get(MaintenanceScheduler).purgeDeliveredMailTick(at),
      b.get(MaintenanceScheduler).purgeDeliveredMailTick(at),
      a.get(MaintenanceScheduler).purgeDeliveredMailTick(at),
    ]);
    const queue = a.get<Queue>(getQueueToken(QUEUES.scheduled));
    const jobId = `${PURGE_MAIL_JOB}:2026-11-26`;
    const job = await eventually(async () => {
      const found = await queue.getJob(jobId);
      // Read it again once completed: the copy fetched before may predate its return value.
      return found && (await found.isCompleted())
        ? ((await queue.getJob(jobId)) ?? undefined)
        : undefined;
    }, 20000);
    expect(job.returnvalue).toEqual({ deleted: 0 });
    // Other modules' schedules share this queue: count only the purge job's runs.
    const purgeJobs = (
      await queue.getJobs(['completed', 'active', 'waiting', 'delayed', 'failed'])
    ).filter((queued) => queued?.name === job.name);
    expect(purgeJobs.map((queued) => queued.id)).toEqual([jobId]);
  });

  it('a Redis-locked tick runs once per slot across instances', async () => {
    let runs = 0;
    const tick = (app: TestApp) =>
      app.get(DistributedLock).runOncePerSlot('probe', 60_000, () => {
        runs += 1;
        return Promise.resolve();
      });
    const results = await Promise.all([tick(a), tick(b), tick(a), tick(b)]);
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
  });

  it('an exclusive lock is released for the next holder', async () => {
    const lock = a.get(DistributedLock);
    const first = lock.runExclusive(
      'probe-lock',
      5000,
      () => new Promise((r) => setTimeout(() => r('a'), 200)),
    );
    const blocked = await b
      .get(DistributedLock)
      .runExclusive('probe-lock', 5000, () => Promise.resolve('b'));
    expect(blocked.ran).toBe(false);
    expect(await first).toEqual({ ran: true, value: 'a' });
    expect(
      await b.get(DistributedLock).runExclusive('probe-lock', 5000, () => Promise.resolve('b')),
    ).toEqual({
      ran: true,
      value: 'b',
    });
  });
});

describe('graceful shutdown', () => {
  it('lets an active job finish before the worker stops', async () => {
    const worker = await TestApp.create({ role: 'worker', extra: [SlowJobModule] });
    const queue = worker.get<Queue>(getQueueToken(QUEUES.scheduled));
    const job = await queue.add('slow-probe', { id: 'job-1' }, { jobId: 'slow-probe:1' });
    const observer = await TestApp.create({ role: 'api', replicaOf: worker });
    try {
      await eventually(() => Promise.resolve(started.includes(job.data.id) || undefined), 30_000);
      // What SIGTERM triggers through enableShutdownHooks().
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(stopped).toBe(false);
      releaseSlowJob();
      await stopping;
      expect(finished).toContain('job-1');
      const stored = await observer
        .get<Queue>(getQueueToken(QUEUES.scheduled))
        .getJob('slow-probe:1');
      expect(await stored?.getState()).toBe('completed');
    } finally {
      releaseSlowJob();
      await observer.close();
      await worker.close();
    }
  });
});
