import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { AppConfig } from '@lib/config';
import type { DeliveryStatus } from './entities/event-delivery.entity';
import type { StoredEventRow } from './stored-event.mapper';

/** What one attempt to deliver an event to one handler came to. */
export interface DeliveryOutcome {
  handler: string;
  error?: unknown;
}

export interface DueDelivery {
  id: string;
  handler: string;
  attempts: number;
  event: StoredEventRow;
}

export type RetryResult = 'retried' | 'not_found' | 'not_dead';

/** Longest error text kept per delivery (a stack trace is in the logs). */
const ERROR_MAX = 2000;

/**
 * The ledger of (event, handler) deliveries that did not succeed at the first
 * attempt: attempts, exponential backoff, and dead letters after the last
 * attempt. Every method works in the caller's transaction.
 */
@Injectable()
export class EventDeliveries {
  private readonly logger = new Logger(EventDeliveries.name);

  constructor(private readonly config: AppConfig) {}

  /**
   * Records a first delivery pass that had failures: a row per handler, done or
   * waiting for its retry (or dead at once when one attempt is all there is).
   */
  async recordFirstPass(
    tx: EntityManager,
    event: { id: string; type: string },
    outcomes: DeliveryOutcome[],
  ): Promise<void> {
    for (const { handler, error } of outcomes) {
      const status = error === undefined ? 'done' : this.statusAfter(1);
      await tx.execute(
        `insert into event_deliveries
           (id, event_id, event_type, handler, status, attempts, next_attempt_at, last_error, created_at, updated_at)
         values (?, ?, ?, ?, ?, 1, now() + ? * interval '1 millisecond', ?, ?, ?)
         on conflict (event_id, handler) do nothing`,
        [
          uuidv7(),
          event.id,
          event.type,
          handler,
          status,
          this.backoffMs(1),
          messageOf(error),
          ...createdNow(),
        ],
      );
      if (status === 'dead') this.reportDead(event, handler, 1, error);
    }
  }

  /** Claims deliveries whose retry is due; concurrent relays skip each other's (SKIP LOCKED). */
  claimDue(tx: EntityManager, limit: number): Promise<DueDelivery[]> {
    return tx.execute<DueDelivery[]>(
      `select d.id, d.handler, d.attempts, to_jsonb(e) as event
         from event_deliveries d join event_store e on e.id = d.event_id
        where d.status = 'pending' and d.next_attempt_at <= now()
        order by d.next_attempt_at limit ? for update of d skip locked`,
      [limit],
    );
  }

  /** Records one more attempt of a claimed delivery. */
  async recordAttempt(tx: EntityManager, delivery: DueDelivery, error?: unknown): Promise<void> {
    const attempts = delivery.attempts + 1;
    const status: DeliveryStatus = error === undefined ? 'done' : this.statusAfter(attempts);
    await tx.execute(
      `update event_deliveries set status = ?, attempts = ?, last_error = coalesce(?, last_error),
          next_attempt_at = now() + ? * interval '1 millisecond', updated_at = now()
        where id = ?`,
      [status, attempts, messageOf(error), this.backoffMs(attempts), delivery.id],
    );
    if (status === 'dead') this.reportDead(eventOf(delivery), delivery.handler, attempts, error);
  }

  /** A job-run delivery whose job failed for good: its delivery is a dead letter. */
  async recordDead(
    em: EntityManager,
    event: { id: string; type: string },
    handler: string,
    attempts: number,
    error: unknown,
  ): Promise<void> {
    await em.execute(
      `insert into event_deliveries
         (id, event_id, event_type, handler, status, attempts, next_attempt_at, last_error, created_at, updated_at)
       values (?, ?, ?, ?, 'dead', ?, now(), ?, ?, ?)
       on conflict (event_id, handler) do update set status = 'dead', attempts = excluded.attempts,
         last_error = excluded.last_error, updated_at = now()`,
      [uuidv7(), event.id, event.type, handler, attempts, messageOf(error), ...createdNow()],
    );
    this.reportDead(event, handler, attempts, error);
  }

  /** Gives a dead letter a fresh set of attempts, due now. */
  async retry(em: EntityManager, id: string): Promise<RetryResult> {
    const [row] = await em.execute<{ status: DeliveryStatus }[]>(
      'select status from event_deliveries where id = ? for update',
      [id],
    );
    if (!row) return 'not_found';
    if (row.status !== 'dead') return 'not_dead';
    await em.execute(
      `update event_deliveries set status = 'pending', attempts = 0, next_attempt_at = now(),
          updated_at = now() where id = ?`,
      [id],
    );
    return 'retried';
  }

  /** Deliveries waiting for a retry and dead letters, by handler (for /metrics). */
  count(em: EntityManager): Promise<{ status: DeliveryStatus; handler: string; n: number }[]> {
    return em.execute(
      `select status, handler, count(*)::int as n from event_deliveries
        where status <> 'done' group by status, handler`,
    );
  }

  private statusAfter(attempts: number): DeliveryStatus {
    return attempts >= this.config.env.EVENT_DELIVERY_MAX_ATTEMPTS ? 'dead' : 'pending';
  }

  private backoffMs(attempts: number): number {
    const { EVENT_DELIVERY_BACKOFF_MS: base, EVENT_DELIVERY_MAX_BACKOFF_MS: max } = this.config.env;
    return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  }

  private reportDead(
    event: { id: string; type: string },
    handler: string,
    attempts: number,
    error: unknown,
  ): void {
    this.logger.error(
      { err: error, eventId: event.id, eventType: event.type, handler, attempts },
      `Dead letter: ${handler} gave up on ${event.type} after ${attempts} attempt(s)`,
    );
  }
}

/** created_at and updated_at in milliseconds, the precision of the (createdAt, id) page cursors. */
function createdNow(): [Date, Date] {
  const now = new Date();
  return [now, now];
}

function messageOf(error: unknown): string | null {
  if (error === undefined) return null;
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : (JSON.stringify(error) ?? 'unknown error');
  return text.slice(0, ERROR_MAX);
}

function eventOf(delivery: DueDelivery): { id: string; type: string } {
  return { id: delivery.event.id, type: delivery.event.type };
}
