import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { SavedJob } from '../entities/saved-job.entity';
import { JobUnsaved } from '../events/jobs.events';

/** An erased account takes its saved jobs with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseSavedJobsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em, events) => {
      const rows = await em.execute<{ id: string; job_id: string }[]>(
        'select id, job_id from saved_jobs where user_id = ?',
        [userId],
      );
      for (const row of rows) {
        events.record(
          new JobUnsaved(row.id, { userId, jobId: row.job_id, reason: 'account_deleted' }),
        );
      }
      await em.nativeDelete(SavedJob, { userId });
    });
  }
}
