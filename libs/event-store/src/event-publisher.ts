import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { rehydrate, type DomainEvent } from './domain-event';
import { EventDeliveries, type DeliveryOutcome } from './event-deliveries';
import { EventDispatcher } from './event-dispatcher';
import { PersonalDataVault } from './personal-data-vault';
import { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';

/**
 * Moves committed events to their handlers, each (event, handler) delivery on
 * its own: a failing handler neither stops the event's other handlers nor
 * later events. An event is stamped `published_at` after its first delivery
 * pass; deliveries that failed in it go to the ledger (EventDeliveries) in the
 * same transaction and are retried from there with backoff, until done or
 * dead. Rows are claimed with FOR UPDATE SKIP LOCKED, so the request that
 * committed an event and the relays never deliver it concurrently; a crash
 * before the stamp rolls the claim back and a relay delivers it again.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);

  constructor(
    private readonly em: EntityManager,
    private readonly dispatcher: EventDispatcher,
    private readonly vault: PersonalDataVault,
    private readonly deliveries: EventDeliveries,
  ) {}

  /** Publishes the given events if nobody has yet; returns how many it published. */
  publishByIds(ids: string[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.publishWhere('id = any(?::uuid[])', [`{${ids.join(',')}}`], ids.length);
  }

  /** Publishes the oldest unpublished events; returns how many it published. */
  publishPending(batchSize = 100): Promise<number> {
    return this.publishWhere('true', [], batchSize);
  }

  /** Retries deliveries whose backoff is over; returns how many it attempted. */
  redeliverDue(batchSize = 100): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const due = await this.deliveries.claimDue(tx, batchSize);
      const records = await this.vault.open(
        tx,
        due.map((d) => toRecord(d.event)),
      );
      for (const [i, delivery] of due.entries()) {
        const event = rehydrate(records[i]);
        const handler = this.dispatcher.handlerNamed(event.type, delivery.handler);
        const error = handler
          ? await this.attempt(event, handler.name, () => this.dispatcher.deliver(event, handler))
          : new Error(`No handler ${delivery.handler} for ${event.type} any more`);
        await this.deliveries.recordAttempt(tx, delivery, error);
      }
      return due.length;
    });
  }

  private async publishWhere(condition: string, params: unknown[], limit: number): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<StoredEventRow[]>(
        `select ${STORED_EVENT_COLUMNS} from event_store
          where published_at is null and ${condition}
          order by seq limit ? for update skip locked`,
        [...params, limit],
      );
      for (const record of await this.vault.open(tx, rows.map(toRecord))) {
        const event = rehydrate(record);
        const outcomes: DeliveryOutcome[] = [];
        for (const handler of this.dispatcher.handlersOf(event.type)) {
          const error = await this.attempt(event, handler.name, () =>
            this.dispatcher.deliver(event, handler),
          );
          outcomes.push({ handler: handler.name, error });
        }
        if (outcomes.some((o) => o.error !== undefined)) {
          await this.deliveries.recordFirstPass(tx, record, outcomes);
        }
      }
      if (rows.length > 0) {
        await tx.execute('update event_store set published_at = now() where id = any(?::uuid[])', [
          `{${rows.map((r) => r.id).join(',')}}`,
        ]);
      }
      return rows.length;
    });
  }

  /** Runs one delivery; resolves to its error, if any. */
  private async attempt(
    event: DomainEvent,
    handler: string,
    deliver: () => Promise<void>,
  ): Promise<unknown> {
    try {
      await deliver();
      return undefined;
    } catch (error) {
      this.logger.warn(
        { err: error, eventId: event.eventId, handler },
        `Handler failed for ${event.type}; it will be retried`,
      );
      return error ?? new Error('handler failed');
    }
  }
}
