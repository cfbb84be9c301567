import { Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG, type Tier } from '@lib/authz';
import { AppConfig } from '@lib/config';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import type { ProviderSubscription, SubscriptionStatus } from '@lib/providers';
import { User, UserTiers } from '../identity';
import { MailOutbox, type RenderedEmail } from '../mail';
import { AiCredits } from '../ai-usage';
import { billingEmails } from './billing-emails';
import { BillingPrices } from './billing-prices';
import { BillingProvider } from './billing-provider';
import { BillingCustomers } from './billing-customers';
import { BillingSubscription } from './entities/billing-subscription.entity';
import { BillingWebhookEvent } from './entities/billing-webhook-event.entity';
import {
  CreditsPurchased,
  GraceEnded,
  PaymentFailed,
  SubscriptionActivated,
  SubscriptionCancelled,
} from './events/billing.events';

const PAID: SubscriptionStatus[] = ['active', 'trialing'];
const ENDED: SubscriptionStatus[] = ['canceled', 'unpaid', 'incomplete_expired'];
const DAY_MS = 24 * 3600 * 1000;

interface RecordedEvent {
  id: string;
  type: string;
  objectId: string | null;
  subscriptionId: string | null;
  processed: boolean;
}

/**
 * The webhook processor. Whatever the event says, it fetches the current
 * object from the provider and upserts our copy, so the order and number of
 * deliveries do not matter; a fetch that started before the stored one
 * (`syncSeq`, a database sequence) changes nothing. Then the user's tier is
 * the best their subscriptions entitle them to, and each transition that
 * tells the user something is a unique row, so its email goes out once.
 */
@Injectable()
export class BillingSync {
  private readonly logger = new Logger(BillingSync.name);
  /** The latest processing of each subscription's events in this process, by subscription. */
  private readonly subscriptionTurns = new Map<string, Promise<void>>();

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly provider: BillingProvider,
    private readonly prices: BillingPrices,
    private readonly customers: BillingCustomers,
    private readonly tiers: UserTiers,
    private readonly outbox: MailOutbox,
    private readonly credits: AiCredits,
    private readonly config: AppConfig,
  ) {}

  /**
   * Processes one recorded event (the `billing` job); a processed one is skipped. An event
   * that leads to a subscription sync is marked processed inside the sync's transaction
   * (see `syncSubscription`); any other is marked once its work is done.
   *
   * The job of an event that syncs a subscription stands for all of that subscription's
   * unprocessed events: the feed queues one job per subscription per pass
   * (`WebhookIntake.queueRecorded`), and the job syncs once if any of them is still
   * unprocessed, even when its own event was covered meanwhile (events received after that
   * sync started get a job in a later pass). A subscription's jobs take turns in this process,
   * so one that arrives during a sync usually finds everything covered by it.
   */
  async processEvent(eventId: string): Promise<void> {
    const [record] = await this.recorded('id = ?', eventId);
    if (!record) return;
    const key = record.subscriptionId;
    if (!key) {
      if (!record.processed) await this.process(record);
      return;
    }
    const turn = (this.subscriptionTurns.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const [own] = await this.recorded('id = ? and processed_at is null', eventId);
        const [pending] = own
          ? [own]
          : await this.recorded(
              `subscription_id = ? and processed_at is null and received_at <= now()
                order by received_at limit 1`,
              key,
            );
        if (pending) await this.process(pending);
      });
    this.subscriptionTurns.set(key, turn);
    try {
      await turn;
    } finally {
      if (this.subscriptionTurns.get(key) === turn) this.subscriptionTurns.delete(key);
    }
  }

  private async process(record: RecordedEvent): Promise<void> {
    if (await this.dispatch(record)) return;
    await this.em
      .fork()
      .nativeUpdate(BillingWebhookEvent, { id: record.id }, { processedAt: new Date() });
  }

  /** Recorded events matching `where` (one indexed read, no entities). */
  private recorded(where: string, value: string): Promise<RecordedEvent[]> {
    return this.em.fork().execute<RecordedEvent[]>(
      `select id, type, object_id as "objectId", subscription_id as "subscriptionId",
              processed_at is not null as processed
         from billing_webhook_events where ${where}`,
      [value],
    );
  }

  /** Does the event's work; true when a subscription sync marked the event processed. */
  private async dispatch({
    id: eventId,
    type,
    objectId,
    subscriptionId,
  }: RecordedEvent): Promise<boolean> {
    if (!objectId) return false;
    const port = this.provider.require();
    switch (type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return this.syncCheckout(objectId, eventId);
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
      case 'customer.subscription.paused':
      case 'customer.subscription.resumed':
        await this.syncSubscription(objectId, { eventId });
        return true;
      case 'invoice.paid':
      case 'invoice.payment_succeeded':
      case 'invoice.payment_failed': {
        // The signed payload names the invoice's subscription; older records may not.
        const billed = subscriptionId ?? (await port.retrieveInvoice(objectId)).subscriptionId;
        if (!billed) return false;
        await this.syncSubscription(billed, { eventId });
        return true;
      }
      case 'customer.created': {
        const customer = await port.retrieveCustomer(objectId);
        const userId = customer.metadata.userId;
        if (customer.deleted || !userId) return false;
        const em = this.em.fork();
        if (await em.findOne(User, userId)) await this.customers.link(em, userId, customer.id);
        return false;
      }
      default:
        return false; // recorded, nothing to do
    }
  }

  /**
   * A completed checkout: the subscription it created, or a paid one-time purchase. True when
   * it synced the subscription and so marked `eventId` processed.
   */
  async syncCheckout(sessionId: string, eventId?: string): Promise<boolean> {
    const session = await this.provider.require().retrieveCheckoutSession(sessionId);
    const em = this.em.fork();
    const userId =
      session.clientReferenceId ??
      session.metadata.userId ??
      (session.customerId ? await this.customers.userOf(em, session.customerId) : undefined);
    if (!userId || !(await em.findOne(User, userId))) return false;
    if (session.customerId) await this.customers.link(em, userId, session.customerId);
    if (session.mode === 'subscription' && session.subscriptionId) {
      await this.syncSubscription(session.subscriptionId, { userIdHint: userId, eventId });
      return true;
    }
    if (
      session.mode === 'payment' &&
      session.paymentStatus === 'paid' &&
      session.metadata.kind === 'ai_credits'
    ) {
      const packs = Math.max(1, Number(session.metadata.packs ?? 1));
      const credits = packs * this.prices.creditsPerPack;
      await this.uow.run(async (tx, events) => {
        const user = await tx.findOne(User, userId);
        if (!user) return;
        if (!(await once(tx, `credits:${session.id}`, 'credits_purchased', userId, null))) return;
        await this.credits.grant(tx, userId, credits);
        const amount = session.amountTotal ?? 0;
        this.mail(
          tx,
          user,
          'credits-receipt',
          billingEmails.creditsReceipt(user.name, credits, amount, session.currency ?? 'usd'),
        );
        events.record(
          new CreditsPurchased({ userId, sessionId: session.id, credits, amountCents: amount }),
        );
      });
    }
    return false;
  }

  /**
   * Fetches the subscription and upserts our copy, unless a later fetch was stored already.
   * With `eventId`, the event is marked processed in the same transaction, and so is every
   * other event of this subscription received before the fetch started: the fetched state
   * already includes what they announced (Stripe sends an event after the change), so their
   * own jobs find them done instead of fetching again (a burst of events, or a backlog, costs
   * one fetch). The transaction commits without waiting for the WAL flush: it only holds
   * state derived from Stripe and from events that are durably recorded, and a crash that
   * loses it leaves those events unprocessed for `recoverUnprocessed` to queue again; the
   * webhook acknowledgements, which must be durable, then do not queue behind it for the disk.
   */
  async syncSubscription(
    subscriptionId: string,
    options: { userIdHint?: string; eventId?: string } = {},
  ): Promise<void> {
    const { seq, startedAt } = await this.nextSeq();
    const remote = await this.provider.require().retrieveSubscription(subscriptionId);
    await this.uow.run(async (em, events) => {
      await em.execute('set local synchronous_commit = off');
      if (options.eventId) await this.markCovered(em, options.eventId, subscriptionId, startedAt);
      const existing = await em.findOne(BillingSubscription, subscriptionId);
      const userId =
        existing?.userId ??
        options.userIdHint ??
        remote.metadata.userId ??
        (await this.customers.userOf(em, remote.customerId));
      if (!userId) {
        this.logger.warn(`Subscription ${subscriptionId} belongs to no known user; ignored`);
        return;
      }
      // Lock order: the user, then the subscription (every writer here does the same).
      const user = await em.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) return; // erased meanwhile
      await em.execute(
        `insert into billing_subscriptions
           (id, user_id, customer_id, status, amount_cents, cancel_at_period_end, sync_seq, created_at, updated_at)
         values (?, ?, ?, ?, 0, false, 0, now(), now()) on conflict do nothing`,
        [remote.id, userId, remote.customerId, remote.status],
      );
      const row = await em.findOneOrFail(BillingSubscription, subscriptionId, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      });
      if (BigInt(row.syncSeq) > BigInt(seq)) return; // an older fetch than the stored one
      this.apply(row, remote, seq, new Date());
      await this.settle(em, events, user, row, new Date());
    });
  }

  /**
   * Marks the event, and every event received before `startedAt` whose processing is a sync of
   * this subscription (its `subscription_id`), processed.
   */
  private async markCovered(
    em: EntityManager,
    eventId: string,
    subscriptionId: string,
    startedAt: Date,
  ): Promise<void> {
    await em.execute(
      `update billing_webhook_events set processed_at = now()
        where processed_at is null
          and (id = ? or (subscription_id = ? and received_at <= ?))`,
      [eventId, subscriptionId, startedAt],
    );
  }

  /**
   * The local driver has no Stripe to end periods and send the events: each paid local
   * subscription whose period ended by `now` is synced, which makes the driver renew it (or end
   * it, when set to cancel at period end) as Stripe would. Returns how many it synced.
   */
  async settleLocalPeriods(now = new Date()): Promise<number> {
    if (!this.provider.configured || this.provider.require().name !== 'local') return 0;
    const due = await this.em
      .fork()
      .find(
        BillingSubscription,
        { status: { $in: PAID }, currentPeriodEnd: { $lte: now } },
        { fields: ['id', 'userId'], limit: 500 },
      );
    for (const { id, userId } of due) await this.syncSubscription(id, { userIdHint: userId });
    return due.length;
  }

  /** Past-due subscriptions whose grace ended by `now`: their users drop to the tier left. */
  async sweepGrace(now = new Date()): Promise<number> {
    const due = await this.em
      .fork()
      .find(
        BillingSubscription,
        { status: 'past_due', graceUntil: { $lte: now } },
        { fields: ['id', 'userId'], limit: 500 },
      );
    let changed = 0;
    for (const { id, userId } of due) {
      await this.uow.run(async (em, events) => {
        const user = await em.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const row = await em.findOne(BillingSubscription, id, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
        });
        if (!user || !row || row.status !== 'past_due') return;
        if (await this.settle(em, events, user, row, now)) changed += 1;
      });
    }
    return changed;
  }

  private apply(row: BillingSubscription, remote: ProviderSubscription, seq: string, now: Date) {
    const price = this.prices.byPriceId(remote.priceId);
    const wasPastDue = row.status === 'past_due' && row.pastDueSince;
    row.customerId = remote.customerId;
    row.status = remote.status;
    row.priceId = remote.priceId;
    row.plan = price?.kind === 'plan' ? price.plan : null;
    row.interval = price?.interval ?? null;
    row.amountCents = price?.cents ?? 0;
    row.seats = Math.max(1, remote.quantity ?? 1);
    row.currentPeriodEnd = remote.currentPeriodEnd;
    row.cancelAtPeriodEnd = remote.cancelAtPeriodEnd;
    row.canceledAt = remote.canceledAt;
    if (remote.status === 'past_due') {
      row.pastDueSince = wasPastDue ? row.pastDueSince : now;
      row.graceUntil = new Date(
        row.pastDueSince!.getTime() + this.config.env.BILLING_GRACE_DAYS * DAY_MS,
      );
    } else {
      row.pastDueSince = null;
      row.graceUntil = null;
    }
    row.syncSeq = seq;
    row.updatedAt = now;
  }

  /**
   * Records the row's transitions (each once, with its email and event) and
   * sets the user's tier to the best their subscriptions give. True when the tier changed.
   */
  private async settle(
    em: EntityManager,
    events: EventRecorder,
    user: User,
    row: BillingSubscription,
    now: Date,
  ): Promise<boolean> {
    const link = `${this.config.env.FRONTEND_URL}/settings/billing`;
    const base = { userId: user.id, subscriptionId: row.id };
    if (PAID.includes(row.status) && row.plan) {
      if (await once(em, `confirmed:${row.id}:${row.plan}`, 'confirmed', user.id, row.id)) {
        this.mail(
          em,
          user,
          'confirmed',
          billingEmails.subscriptionConfirmed(
            user.name,
            row.plan,
            row.currentPeriodEnd ?? null,
            link,
          ),
        );
        events.record(new SubscriptionActivated({ ...base, plan: row.plan }));
      }
      const periodKey = row.currentPeriodEnd?.toISOString() ?? 'none';
      if (
        row.cancelAtPeriodEnd &&
        (await once(
          em,
          `cancel_scheduled:${row.id}:${periodKey}`,
          'cancel_scheduled',
          user.id,
          row.id,
        ))
      ) {
        this.mail(
          em,
          user,
          'cancelled',
          billingEmails.subscriptionCancelled(
            user.name,
            row.plan,
            row.currentPeriodEnd ?? null,
            link,
          ),
        );
        events.record(new SubscriptionCancelled({ ...base, plan: row.plan, atPeriodEnd: true }));
      }
    }
    if (row.status === 'past_due' && row.pastDueSince) {
      const episode = row.pastDueSince.toISOString();
      if (
        await once(em, `payment_failed:${row.id}:${episode}`, 'payment_failed', user.id, row.id)
      ) {
        this.mail(
          em,
          user,
          'payment-failed',
          billingEmails.paymentFailed(
            user.name,
            row.plan ?? null,
            row.graceUntil ?? null,
            `${link}?portal=1`,
          ),
        );
        events.record(
          new PaymentFailed({ ...base, graceUntil: row.graceUntil?.toISOString() ?? null }),
        );
      }
      if (
        row.graceUntil &&
        row.graceUntil <= now &&
        (await once(em, `grace_ended:${row.id}:${episode}`, 'grace_ended', user.id, row.id))
      ) {
        this.mail(
          em,
          user,
          'grace-ended',
          billingEmails.graceEnded(user.name, row.plan ?? null, `${link}?portal=1`),
        );
        events.record(new GraceEnded(base));
      }
    }
    if (
      ENDED.includes(row.status) &&
      (await once(em, `ended:${row.id}`, 'ended', user.id, row.id))
    ) {
      this.mail(
        em,
        user,
        'ended',
        billingEmails.subscriptionEnded(user.name, row.plan ?? null, link),
      );
      events.record(
        new SubscriptionCancelled({ ...base, plan: row.plan ?? null, atPeriodEnd: false }),
      );
    }
    const tier = await this.entitledTier(em, user.id, now);
    return (await this.tiers.change(em, user, tier)) !== undefined;
  }

  /** The best tier any of the user's subscriptions entitles them to now. */
  private async entitledTier(em: EntityManager, userId: string, now: Date): Promise<Tier> {
    await em.flush();
    const rows = await em.find(BillingSubscription, { userId });
    let best: Tier = 'free';
    for (const row of rows) {
      const tier = entitlement(row, now);
      if (PLAN_CATALOG[tier].priceCents > PLAN_CATALOG[best].priceCents) best = tier;
    }
    return best;
  }

  private mail(em: EntityManager, user: User, kind: string, email: RenderedEmail): void {
    this.outbox.queue(em, [user.email], email, { template: `billing-${kind}` });
  }

  /** The order of this fetch among all fetches, and when it starts (the database's clock). */
  private async nextSeq(): Promise<{ seq: string; startedAt: Date }> {
    const [row] = await this.em
      .fork()
      .execute<{ seq: string; started_at: Date }[]>(
        `select nextval('billing_sync_seq')::text as seq, clock_timestamp() as started_at`,
      );
    return { seq: row.seq, startedAt: new Date(row.started_at) };
  }
}

/** What one subscription gives: its plan while paid, or past_due within grace; else free. */
export function entitlement(row: BillingSubscription, now: Date): Tier {
  if (!row.plan) return 'free';
  if (PAID.includes(row.status)) return row.plan;
  if (row.status === 'past_due') return row.graceUntil && row.graceUntil > now ? row.plan : 'free';
  return 'free';
}

/** Inserts the transition unless it exists; true the first time. */
async function once(
  em: EntityManager,
  key: string,
  kind: string,
  userId: string,
  subscriptionId: string | null,
): Promise<boolean> {
  const rows = await em.execute<{ key: string }[]>(
    `insert into billing_transitions (key, user_id, kind, subscription_id, created_at)
     values (?, ?, ?, ?, now()) on conflict do nothing returning key`,
    [key, userId, kind, subscriptionId],
  );
  return rows.length > 0;
}
