import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { QUEUES, TracedProcess } from '@lib/queue';
import { WebhookIntake } from '../webhook-intake';

export const BILLING_EVENT_RECOVERY_JOB = 'billing-event-recovery';

/** Every 5 minutes, on one replica: one deduplicated job on `scheduled`. */
@Injectable()
export class BillingEventRecoveryScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_5_MINUTES, { name: BILLING_EVENT_RECOVERY_JOB })
  async tick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 16);
    await this.scheduled.add(
      BILLING_EVENT_RECOVERY_JOB,
      { slot },
      { jobId: `${BILLING_EVENT_RECOVERY_JOB}:${slot}` },
    );
  }
}

/** Recorded provider events whose job was lost are queued again (see `WebhookIntake`). */
@Processor(QUEUES.scheduled)
export class BillingEventRecoveryProcessor {
  constructor(private readonly intake: WebhookIntake) {}

  @TracedProcess(BILLING_EVENT_RECOVERY_JOB)
  process(): Promise<number> {
    return this.intake.recoverUnprocessed();
  }
}
