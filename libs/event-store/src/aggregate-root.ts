import type { DomainEvent } from './domain-event';

const PENDING = Symbol('pendingEvents');

/**
 * Base for entities that raise domain events. MikroORM never runs constructors
 * or field initialisers on entities it loads, so the pending list is created
 * lazily on first use and kept under a symbol the ORM does not map.
 */
export abstract class AggregateRoot {
  private [PENDING]?: DomainEvent[];

  protected raise(event: DomainEvent): void {
    (this[PENDING] ??= []).push(event);
  }

  /** Hands over and forgets the events raised since the last call. */
  pullEvents(): DomainEvent[] {
    const events = this[PENDING] ?? [];
    this[PENDING] = [];
    return events;
  }
}
