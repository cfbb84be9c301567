import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { JobApplication } from '../entities/job-application.entity';
import { JobApplicationDeleted } from '../events/jobs.events';

/** An erased account takes its tracked applications (and their notes) with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseApplicationsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em, events) => {
      const rows = await em.execute<{ id: string }[]>(
        'select id from job_applications where user_id = ?',
        [userId],
      );
      for (const row of rows) {
        events.record(new JobApplicationDeleted(row.id, { userId, reason: 'account_deleted' }));
      }
      await em.nativeDelete(JobApplication, { userId });
    });
  }
}
