import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { JobAlert } from '../../entities/job-alert.entity';
import { JobAlertDelivery } from '../../entities/job-alert-delivery.entity';
import { JobAlertDeleted } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { DeleteJobAlertCommand } from './delete-job-alert.command';

/** Deletes an alert of the caller's with its delivery records; another user's is a 404. */
@CommandHandler(DeleteJobAlertCommand)
export class DeleteJobAlertHandler implements ICommandHandler<DeleteJobAlertCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, id }: DeleteJobAlertCommand): Promise<void> {
    return this.uow.run(async (em, events) => {
      const alert = await em.findOne(JobAlert, { id, userId: actor.userId });
      if (!alert) throw jobProblems.problem('job.alert_not_found', `No job alert ${id}`);
      events.record(new JobAlertDeleted(id, { userId: actor.userId, reason: 'user' }));
      await em.nativeDelete(JobAlertDelivery, { alert: id });
      em.remove(alert);
    });
  }
}
