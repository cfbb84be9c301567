import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { IdempotencyStore } from '../../idempotency';
import { UserDeleted } from '../events/identity.events';

/**
 * An erased account takes its kept idempotent answers (its CVs, posts…) with it. Here, not in
 * the idempotency module, which identity already depends on. Idempotent.
 */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseIdempotencyRecordsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly store: IdempotencyStore) {}

  handle(event: UserDeleted): Promise<void> {
    return this.store.eraseUser(event.streamId);
  }
}
