import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { JobAlert } from '../entities/job-alert.entity';
import { JobAlertDelivery } from '../entities/job-alert-delivery.entity';
import { JobAlertDeleted } from '../events/jobs.events';

/** An erased account takes its job alerts and their delivery records with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseJobAlertsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em, events) => {
      const rows = await em.execute<{ id: string }[]>(
        'select id from job_alerts where user_id = ?',
        [userId],
      );
      for (const row of rows) {
        events.record(new JobAlertDeleted(row.id, { userId, reason: 'account_deleted' }));
      }
      await em.nativeDelete(JobAlertDelivery, { userId });
      await em.nativeDelete(JobAlert, { userId });
    });
  }
}
