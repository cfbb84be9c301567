import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { JobApplication } from '../../entities/job-application.entity';
import { JobApplicationDeleted } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { DeleteApplicationCommand } from './delete-application.command';

/** Stops tracking an application of the caller's; another user's is a 404. */
@CommandHandler(DeleteApplicationCommand)
export class DeleteApplicationHandler implements ICommandHandler<DeleteApplicationCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, id }: DeleteApplicationCommand): Promise<void> {
    return this.uow.run(async (em, events) => {
      const application = await em.findOne(JobApplication, { id, userId: actor.userId });
      if (!application)
        throw jobProblems.problem('job.application_not_found', `No application ${id}`);
      events.record(new JobApplicationDeleted(id, { userId: actor.userId, reason: 'user' }));
      em.remove(application);
    });
  }
}
