import { DomainEvent, DomainEventType } from '@lib/event-store';

export const EVENT_DELIVERY_STREAM = 'event_delivery';

/** An admin gave a dead letter a fresh set of attempts (the actor is in the event's metadata). */
@DomainEventType('audit.dead_letter_retried')
export class DeadLetterRetried extends DomainEvent<{
  eventId: string;
  eventType: string;
  handler: string;
  attemptsBefore: number;
  lastError: string | null;
}> {
  constructor(deliveryId: string, payload: DeadLetterRetried['payload']) {
    super(EVENT_DELIVERY_STREAM, deliveryId, payload);
  }
}
