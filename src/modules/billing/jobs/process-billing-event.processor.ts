import { Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type BillingEventJob } from '@lib/queue';
import { BillingSync } from '../billing-sync';
import { PROCESS_BILLING_EVENT_JOB } from '../webhook-intake';

/** Worker side of the `billing` queue: one recorded provider event per job. */
@Processor(QUEUES.billing)
export class ProcessBillingEventProcessor {
  constructor(private readonly sync: BillingSync) {}

  @TracedProcess({ name: PROCESS_BILLING_EVENT_JOB, concurrency: 4 })
  process(job: Job<BillingEventJob>): Promise<void> {
    return auditContext.run(
      { actor: { type: 'system', id: 'billing-worker' }, causationId: job.data.eventId },
      () => this.sync.processEvent(job.data.eventId),
    );
  }
}
