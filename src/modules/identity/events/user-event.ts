import { DomainEvent } from '@lib/event-store';

/** An event on a user's own stream: its personal data belongs to that user. */
export abstract class UserEvent<P extends object> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.streamId;
  }
}

/** An event on another stream (session, API key) that belongs to one user. */
export abstract class UserOwnedEvent<P extends { userId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.userId;
  }
}
