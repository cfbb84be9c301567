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
  type ProcessFileJob,
  type RequeueOutcome,
} from '@lib/queue';
import { StoredFile } from '../entities/stored-file.entity';
import {
  PROCESS_FILE_JOB,
  processingJobOptions,
  REQUEUE_STALLED_UPLOADS_JOB,
} from './processing-job';

const STALLED_AFTER_MS = 10 * 60_000;
const BATCH = 500;

/**
 * Uploads still pending after their job gave up (a clamd outage longer than
 * all its attempts) or whose job was lost get another round: failed jobs are
 * retried, missing ones enqueued again. Never marks anything ready itself.
 */
@Injectable()
export class RequeueStalledUploads {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.files) private readonly files: Queue<ProcessFileJob>,
  ) {}

  async run(olderThanMs = STALLED_AFTER_MS): Promise<RequeueOutcome> {
    const stalled = await this.em
      .fork()
      .find(
        StoredFile,
        { status: 'pending', createdAt: { $lt: new Date(Date.now() - olderThanMs) } },
        { orderBy: { createdAt: 'asc' }, limit: BATCH, fields: ['id'] },
      );
    return requeueLostJobs(
      this.files,
      stalled.map((file) => file.id),
      (id) =>
        this.files.add(PROCESS_FILE_JOB, { fileId: id }, processingJobOptions(this.config, id)),
    );
  }
}

/** Every 10 minutes, on one replica: each tick enqueues one deduplicated job on `scheduled`. */
@Injectable()
export class RequeueStalledUploadsScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: REQUEUE_STALLED_UPLOADS_JOB })
  async tick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 15); // per 10 minutes
    await this.scheduled.add(
      REQUEUE_STALLED_UPLOADS_JOB,
      { slot },
      { jobId: `${REQUEUE_STALLED_UPLOADS_JOB}:${slot}` },
    );
  }
}

@Processor(QUEUES.scheduled)
export class RequeueStalledUploadsProcessor {
  constructor(private readonly requeue: RequeueStalledUploads) {}

  @TracedProcess(REQUEUE_STALLED_UPLOADS_JOB)
  process(): Promise<RequeueOutcome> {
    return this.requeue.run();
  }
}
