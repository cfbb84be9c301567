import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { QUEUES, TracedProcess } from '@lib/queue';
import { IdempotencyStore } from '../idempotency-store';

export const PURGE_IDEMPOTENCY_RECORDS_JOB = 'purge-idempotency-records';

/** Hourly, on one replica: each tick enqueues one deduplicated job on `scheduled`. */
@Injectable()
export class PurgeIdempotencyRecordsScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_HOUR, { name: PURGE_IDEMPOTENCY_RECORDS_JOB })
  async tick(now = new Date()): Promise<void> {
    const hour = now.toISOString().slice(0, 13);
    await this.scheduled.add(
      PURGE_IDEMPOTENCY_RECORDS_JOB,
      { hour },
      { jobId: `${PURGE_IDEMPOTENCY_RECORDS_JOB}:${hour}` },
    );
  }
}

/** Deletes keys past their 24 hours (idempotent). */
@Processor(QUEUES.scheduled)
export class PurgeIdempotencyRecordsProcessor {
  constructor(private readonly store: IdempotencyStore) {}

  @TracedProcess(PURGE_IDEMPOTENCY_RECORDS_JOB)
  async process(): Promise<{ deleted: number }> {
    return { deleted: await this.store.purgeExpired() };
  }
}
