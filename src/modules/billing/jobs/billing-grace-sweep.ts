import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess } from '@lib/queue';
import { BillingSync } from '../billing-sync';

export const BILLING_GRACE_SWEEP_JOB = 'billing-grace-sweep';

/** Every 10 minutes, on one replica: one deduplicated job on `scheduled`. */
@Injectable()
export class BillingGraceSweepScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: BILLING_GRACE_SWEEP_JOB })
  async tick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 15);
    await this.scheduled.add(
      BILLING_GRACE_SWEEP_JOB,
      { slot },
      { jobId: `${BILLING_GRACE_SWEEP_JOB}:${slot}` },
    );
  }
}

/**
 * Past-due subscriptions whose grace period is over drop their users to what remains (Free);
 * with the local driver, paid periods that ended renew or end first.
 */
@Processor(QUEUES.scheduled)
export class BillingGraceSweepProcessor {
  constructor(private readonly sync: BillingSync) {}

  @TracedProcess(BILLING_GRACE_SWEEP_JOB)
  process(): Promise<number> {
    return auditContext.run({ actor: { type: 'system', id: 'billing-grace-sweep' } }, async () => {
      await this.sync.settleLocalPeriods();
      return this.sync.sweepGrace();
    });
  }
}
