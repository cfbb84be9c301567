import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';

export const PURGE_MAIL_JOB = 'purge-delivered-mail';

/**
 * Cron ticks fire on every worker replica. Each tick only enqueues a job whose
 * id is the tick's date, so however many replicas fire, Bull holds one job.
 */
@Injectable()
export class MaintenanceScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly queue: Queue) {}

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: PURGE_MAIL_JOB })
  async purgeDeliveredMailTick(now = new Date()): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    await this.queue.add(PURGE_MAIL_JOB, { day }, { jobId: `${PURGE_MAIL_JOB}:${day}` });
  }
}
