import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import {
  QUEUES,
  TracedProcess,
  requeueLostJobs,
  type RequeueOutcome,
  type RunCvExportJob,
} from '@lib/queue';
import { CvExport } from '../entities/cv-export.entity';
import { exportJobOptions, RUN_EXPORT_JOB } from './export-job';

export const REQUEUE_STALLED_EXPORTS_JOB = 'requeue-stalled-exports';
const STALLED_AFTER_MS = 10 * 60_000;
const BATCH = 500;

/**
 * Exports still queued or rendering long after they were asked for (their job
 * was lost with Redis, or a worker died before marking them) get another round.
 */
@Injectable()
export class RequeueStalledExports {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.cvExports) private readonly exports: Queue<RunCvExportJob>,
  ) {}

  async run(olderThanMs = STALLED_AFTER_MS): Promise<RequeueOutcome> {
    const stalled = await this.em.fork().find(
      CvExport,
      {
        status: { $in: ['queued', 'rendering'] },
        createdAt: { $lt: new Date(Date.now() - olderThanMs) },
      },
      { orderBy: { createdAt: 'asc' }, limit: BATCH, fields: ['id'] },
    );
    return requeueLostJobs(
      this.exports,
      stalled.map((exported) => exported.id),
      (id) => this.exports.add(RUN_EXPORT_JOB, { exportId: id }, exportJobOptions(this.config, id)),
    );
  }
}

/** Every 10 minutes, on one replica: each tick enqueues one deduplicated job on `scheduled`. */
@Injectable()
export class RequeueStalledExportsScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: REQUEUE_STALLED_EXPORTS_JOB })
  async tick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 15); // per 10 minutes
    await this.scheduled.add(
      REQUEUE_STALLED_EXPORTS_JOB,
      { slot },
      { jobId: `${REQUEUE_STALLED_EXPORTS_JOB}:${slot}` },
    );
  }
}

@Processor(QUEUES.scheduled)
export class RequeueStalledExportsProcessor {
  constructor(private readonly requeue: RequeueStalledExports) {}

  @TracedProcess(REQUEUE_STALLED_EXPORTS_JOB)
  process(): Promise<RequeueOutcome> {
    return this.requeue.run();
  }
}
