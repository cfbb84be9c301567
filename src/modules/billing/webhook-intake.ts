import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import type { ProviderEvent } from '@lib/providers';
import { QUEUES, type BillingEventJob } from '@lib/queue';
import { HANDLED_EVENTS, SUBSCRIPTION_SYNC_EVENTS } from './billing-event-types';

export const PROCESS_BILLING_EVENT_JOB = 'process-event';
/** An event unprocessed this long after it was recorded is looked at by the recovery sweep. */
const RECOVERY_AGE_MS = 5 * 60_000;

/**
 * Records a provider event once (its id is the primary key) and enqueues its
 * processing (job id = event id, so a redelivery enqueues nothing new). Both
 * the Stripe webhook and the local confirmation page come through here.
 * Throws when the event could not be recorded or enqueued: the webhook then
 * answers non-2xx and Stripe delivers it again.
 */
@Injectable()
export class WebhookIntake {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.billing) private readonly queue: Queue<BillingEventJob>,
  ) {}

  async record(event: ProviderEvent, source: 'stripe' | 'local'): Promise<void> {
    // A type nothing acts on is recorded as processed. xmax = 0 only on a freshly inserted
    // row: a first delivery skips the job lookup.
    const handled = HANDLED_EVENTS.has(event.type);
    const subscriptionId = SUBSCRIPTION_SYNC_EVENTS.has(event.type) ? event.subscriptionId : null;
    const [row] = await this.em.fork().execute<{ processed_at: Date | null; first: boolean }[]>(
      `insert into billing_webhook_events
         (id, type, object_id, subscription_id, source, created_at, received_at, processed_at)
       values (?, ?, ?, ?, ?, ?, now(), case when ? then null else now() end)
       on conflict (id) do update set received_at = billing_webhook_events.received_at
       returning processed_at, (xmax = 0) as first`,
      [event.id, event.type, event.objectId, subscriptionId, source, event.created, handled],
    );
    if (row.processed_at) return; // a repeat of an event already done
    if (!row.first) {
      const existing = await this.queue.getJob(event.id);
      if (existing) {
        // A job that gave up is tried again when the provider delivers the event again.
        if (await existing.isFailed()) await existing.retry();
        return;
      }
    }
    await this.enqueue(event.id, subscriptionId !== null);
  }

  /**
   * Queues again the recorded events still unprocessed after `olderThanMs` whose job is gone:
   * Redis lost it (it keeps nothing on disk here), or it completed but a crash lost the
   * processing transaction, which commits without waiting for the disk (see `BillingSync`).
   * Waiting, delayed and running jobs are left alone, and so are failed ones: those gave up
   * after every retry and wait for an admin (or Stripe's next delivery) to retry them.
   * Returns how many it queued.
   */
  async recoverUnprocessed(olderThanMs = RECOVERY_AGE_MS, batch = 500): Promise<number> {
    const rows = await this.em.fork().execute<{ id: string }[]>(
      `select id from billing_webhook_events
        where processed_at is null and received_at < now() - make_interval(secs => ?)
        order by received_at limit ?`,
      [olderThanMs / 1000, batch],
    );
    let queued = 0;
    for (const { id } of rows) {
      const job = await this.queue.getJob(id);
      if (job) {
        if ((await job.getState()) !== 'completed') continue;
        await job.remove();
      }
      await this.enqueue(id);
      queued += 1;
    }
    return queued;
  }

  /**
   * The job of an event that syncs a subscription is delayed by BILLING_SUBSCRIPTION_SYNC_DELAY_MS:
   * the sync of the first event of a burst (a renewal sends several) then starts after the others
   * arrived and marks them processed with it (`BillingSync.syncSubscription`), so their own jobs
   * only find them done.
   */
  private async enqueue(eventId: string, syncsSubscription = false): Promise<void> {
    const delay = syncsSubscription ? this.config.env.BILLING_SUBSCRIPTION_SYNC_DELAY_MS : 0;
    await this.queue.add(
      PROCESS_BILLING_EVENT_JOB,
      { eventId },
      {
        jobId: eventId,
        delay,
        attempts: 12,
        backoff: {
          type: 'cappedExponential',
          options: { delay: this.config.env.QUEUE_BACKOFF_MS, maxDelay: 300_000 },
        },
      },
    );
  }
}
