import { DomainEvent, DomainEventType } from '@lib/event-store';

@DomainEventType('security.rate_limit_exceeded')
export class RateLimitExceeded extends DomainEvent<{ policy: string; key: string; route: string }> {
  constructor(ip: string, payload: { policy: string; key: string; route: string }) {
    super('security', ip, payload);
  }
}
