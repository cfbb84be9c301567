import { SetMetadata } from '@nestjs/common';
import type { DomainEvent } from './domain-event';
import { eventTypeOf } from './domain-event';

export const HANDLES_EVENT = 'event-store:handles';
export const HANDLES_EVENT_IN_JOB = 'event-store:handles-in-job';

type EventClass = abstract new (...args: never[]) => DomainEvent;

/**
 * Reacts to committed events. Delivery is at least once (a crash before the
 * delivery is recorded means a second one) and in no guaranteed order across
 * events, so `handle` must be idempotent: enqueue Bull jobs with the event id
 * in the job id, upsert projections.
 */
export interface DomainEventHandler<E extends DomainEvent = DomainEvent> {
  handle(event: E): Promise<void>;
}

/**
 * Marks a provider as a handler of the given event classes. It runs right
 * after the commit, in the process that committed: keep it to one small
 * write or one enqueue. Anything bigger belongs in @HandlesEventInJob.
 */
export function HandlesEvent(...events: EventClass[]): ClassDecorator {
  return (target) => SetMetadata(HANDLES_EVENT, events.map(eventTypeOf))(target);
}

/**
 * Like @HandlesEvent, but `handle` runs in a worker's Bull job (job id
 * `${eventId}:${handler class}`), retried with backoff and a dead letter after
 * the last attempt: the request that committed the event only enqueues it.
 * For handlers doing real I/O (erasing a user's data, deleting stored objects).
 */
export function HandlesEventInJob(...events: EventClass[]): ClassDecorator {
  return (target) => {
    SetMetadata(HANDLES_EVENT, events.map(eventTypeOf))(target);
    SetMetadata(HANDLES_EVENT_IN_JOB, true)(target);
  };
}
