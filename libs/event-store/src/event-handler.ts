import { SetMetadata } from '@nestjs/common';
import type { DomainEvent } from './domain-event';
import { eventTypeOf } from './domain-event';

export const HANDLES_EVENT = 'event-store:handles';

/**
 * Reacts to committed events. Delivery is at least once (a crash before the
 * event is marked published means a second delivery), so `handle` must be
 * idempotent: enqueue Bull jobs with the event id as job id, upsert projections.
 */
export interface DomainEventHandler<E extends DomainEvent = DomainEvent> {
  handle(event: E): Promise<void>;
}

/** Marks a provider as a handler of the given event classes. */
export function HandlesEvent(
  ...events: (abstract new (...args: never[]) => DomainEvent)[]
): ClassDecorator {
  return (target) => SetMetadata(HANDLES_EVENT, events.map(eventTypeOf))(target);
}
