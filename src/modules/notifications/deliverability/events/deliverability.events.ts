import { DomainEvent, DomainEventType } from '@lib/event-store';

/** Suppression events name no address (personal data); the row has it while it exists. */
export const SUPPRESSION_STREAM = 'email_suppression';

@DomainEventType('deliverability.address_suppressed')
export class AddressSuppressed extends DomainEvent<{
  reason: string;
  webhookId: string | null;
}> {
  constructor(id: string, payload: AddressSuppressed['payload']) {
    super(SUPPRESSION_STREAM, id, payload);
  }
}

@DomainEventType('deliverability.suppression_cleared')
export class SuppressionCleared extends DomainEvent<{ reason: string }> {
  constructor(id: string, payload: SuppressionCleared['payload']) {
    super(SUPPRESSION_STREAM, id, payload);
  }
}
