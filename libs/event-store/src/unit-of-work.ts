import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AggregateRoot } from './aggregate-root';
import type { DomainEvent } from './domain-event';
import { EventPublisher } from './event-publisher';
import { EventStore } from './event-store';

/** Lets a unit of work record events that belong to no entity (e.g. security events). */
export interface EventRecorder {
  record(event: DomainEvent): void;
}

/**
 * Runs a write in one transaction: the state change and the domain events that
 * describe it commit together or not at all. Events come from every
 * AggregateRoot in the identity map (created *or loaded*) plus those recorded
 * explicitly. After commit they are handed to the publisher; if that fails the
 * outbox relay publishes them later.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(
    private readonly em: EntityManager,
    private readonly store: EventStore,
    private readonly publisher: EventPublisher,
  ) {}

  async run<T>(work: (em: EntityManager, events: EventRecorder) => Promise<T>): Promise<T> {
    let committedIds: string[] = [];
    const result = await this.em.fork().transactional(async (tx) => {
      const recorded: DomainEvent[] = [];
      const value = await work(tx, { record: (event) => recorded.push(event) });
      await tx.flush();
      const events = [...this.pullAggregateEvents(tx), ...recorded];
      const stored = await this.store.append(tx, events);
      committedIds = stored.map((e) => e.id);
      return value;
    });
    await this.publishAfterCommit(committedIds);
    return result;
  }

  private pullAggregateEvents(em: EntityManager): DomainEvent[] {
    const events: DomainEvent[] = [];
    for (const entity of em.getUnitOfWork().getIdentityMap().values()) {
      if (entity instanceof AggregateRoot) events.push(...entity.pullEvents());
    }
    return events;
  }

  private async publishAfterCommit(ids: string[]): Promise<void> {
    try {
      await this.publisher.publishByIds(ids);
    } catch (error) {
      this.logger.warn({ err: error }, 'Publishing after commit failed; the relay will retry');
    }
  }
}
