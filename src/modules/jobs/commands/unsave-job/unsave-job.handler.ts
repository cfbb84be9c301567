import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SavedJob } from '../../entities/saved-job.entity';
import { JobUnsaved } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { UnsaveJobCommand } from './unsave-job.command';

/** Removes the caller's save of a job; a job the caller has not saved is a 404. */
@CommandHandler(UnsaveJobCommand)
export class UnsaveJobHandler implements ICommandHandler<UnsaveJobCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, jobId }: UnsaveJobCommand): Promise<void> {
    return this.uow.run(async (em, events) => {
      const saved = await em.findOne(SavedJob, { userId: actor.userId, job: jobId });
      if (!saved)
        throw jobProblems.problem('job.not_saved', `Job ${jobId} is not in your saved jobs`);
      events.record(new JobUnsaved(saved.id, { userId: actor.userId, jobId, reason: 'user' }));
      em.remove(saved);
    });
  }
}
