import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { JobOptions, Queue } from 'bull';
import { AppConfig } from '@lib/config';
import type { ProviderEvent } from '@lib/providers';
import { QUEUES, type BillingEventJob } from '@lib/queue';
import { HANDLED_EVENTS, SUBSCRIPTION_SYNC_EVENTS } from './billing-event-types';

export const PROCESS_BILLING_EVENT_JOB = 'process-event';
/** An event unprocessed this long after it was recorded is looked at by the recovery sweep. */
const RECOVERY_AGE_MS = 5 * 60_000;

/**
 * Records a provider event once (its id is the primary key); the worker's feed
 * (`BillingEventFeed` → `queueRecorded`) queues its processing (job id = event id). Both the
 * Stripe webhook and the local confirmation page come through here. Throws when the event could
 * not be recorded: the webhook then answers non-2xx and Stripe delivers it again. Recording
 * needs only PostgreSQL; a redelivery of an unprocessed event also looks at its job in Redis.
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
    // row: a first delivery is left to the feed.
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
    if (row.processed_at || row.first) return;
    const existing = await this.queue.getJob(event.id);
    if (existing) {
      // A job that gave up is tried again when the provider delivers the event again.
      if (await existing.isFailed()) await existing.retry();
      return;
    }
    await this.enqueue(event.id, subscriptionId !== null);
  }

  /** Ids queued (or covered by a queued job) lately, by when: later passes skip them. */
  private readonly queued = new Map<string, number>();

  /**
   * Queues the jobs of the events recorded since `since` and still unprocessed (the worker's
   * feed calls it; an acknowledgement only records). The events of one subscription get one job
   * per pass, delayed by BILLING_SUBSCRIPTION_SYNC_DELAY_MS from the first one's receipt: that
   * job syncs the subscription after every one of them was recorded, so it covers them all
   * (`BillingSync.processEvent`). Returns how many jobs it queued and the latest receipt seen.
   */
  async queueRecorded(since: Date): Promise<{ queued: number; latest: Date | null }> {
    const rows = await this.em
      .fork()
      .execute<{ id: string; subscriptionId: string | null; receivedMs: number }[]>(
        `select id, subscription_id as "subscriptionId",
              (extract(epoch from received_at) * 1000)::float8 as "receivedMs"
         from billing_webhook_events
        where processed_at is null and received_at between ? and now()
        order by received_at limit 1000`,
        [since],
      );
    const now = Date.now();
    for (const [id, at] of this.queued) {
      if (at >= now - 60_000) break; // kept in the order they were queued
      this.queued.delete(id);
    }
    const fresh = rows.filter((row) => !this.queued.has(row.id));
    const jobs = new Map<string, (typeof rows)[number]>();
    for (const row of fresh) {
      const key = row.subscriptionId ?? row.id;
      if (!jobs.has(key)) jobs.set(key, row);
    }
    if (jobs.size > 0) {
      const delayMs = this.config.env.BILLING_SUBSCRIPTION_SYNC_DELAY_MS;
      await this.queue.addBulk(
        [...jobs.values()].map((row) => ({
          name: PROCESS_BILLING_EVENT_JOB,
          data: { eventId: row.id },
          opts: this.jobOptions(
            row.id,
            row.subscriptionId ? Math.max(0, row.receivedMs + delayMs - now) : 0,
          ),
        })),
      );
      for (const row of fresh) this.queued.set(row.id, now); // after the jobs exist
    }
    const latest = rows.at(-1)?.receivedMs;
    return { queued: jobs.size, latest: latest === undefined ? null : new Date(latest) };
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
    await this.queue.add(PROCESS_BILLING_EVENT_JOB, { eventId }, this.jobOptions(eventId, delay));
  }

  private jobOptions(eventId: string, delay: number): JobOptions {
    return {
      jobId: eventId,
      delay,
      attempts: 12,
      backoff: {
        type: 'cappedExponential',
        options: { delay: this.config.env.QUEUE_BACKOFF_MS, maxDelay: 300_000 },
      },
    };
  }
}
