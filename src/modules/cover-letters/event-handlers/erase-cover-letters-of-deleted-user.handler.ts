import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { CoverLetter } from '../entities/cover-letter.entity';
import { CoverLetterDeleted } from '../events/cover-letter.events';

/** An erased account takes its cover letters with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseCoverLettersOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const ownerId = event.streamId;
    await this.uow.run(async (em, events) => {
      const rows = await em.execute<{ id: string }[]>(
        'select id from cover_letters where owner_id = ?',
        [ownerId],
      );
      for (const row of rows) {
        events.record(new CoverLetterDeleted(row.id, { ownerId, reason: 'account_deleted' }));
      }
      await em.nativeDelete(CoverLetter, { ownerId });
    });
  }
}
