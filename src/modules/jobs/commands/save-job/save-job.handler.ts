import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLAN_CATALOG, requiredPlanForQuota } from '@lib/authz';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { SavedJobDto } from '../../dto/saved-job.dto';
import { Job } from '../../entities/job.entity';
import { SavedJob } from '../../entities/saved-job.entity';
import { JobSaved } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { SaveJobCommand } from './save-job.command';

/**
 * Saves a job for the caller; saving it again answers the existing save. Beyond
 * the plan's `savedJobs` quota: 403 `plan.quota_exceeded` (an advisory lock per
 * user makes concurrent saves count one after another).
 */
@CommandHandler(SaveJobCommand)
export class SaveJobHandler implements ICommandHandler<SaveJobCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, jobId }: SaveJobCommand): Promise<SavedJobDto> {
    return this.uow.run(async (em, events) => {
      const job = await em.findOne(Job, { id: jobId });
      if (!job) throw jobProblems.problem('job.not_found', `No job ${jobId}`);
      await em.execute(`select pg_advisory_xact_lock(hashtext('saved-jobs:' || ?))`, [
        actor.userId,
      ]);
      const existing = await em.findOne(SavedJob, { userId: actor.userId, job: jobId });
      if (existing) return SavedJobDto.of(existing, job);
      const limit = PLAN_CATALOG[actor.tier].quotas.savedJobs;
      if ((await em.count(SavedJob, { userId: actor.userId })) >= limit) {
        const requiredPlan = requiredPlanForQuota('savedJobs', limit);
        throw Problem.forbidden(
          'plan.quota_exceeded',
          `Your plan allows ${limit} saved jobs; remove one or upgrade`,
          {
            quota: 'savedJobs',
            limit,
            ...(requiredPlan ? { requiredPlan } : {}),
          },
        );
      }
      const saved = em.create(SavedJob, { userId: actor.userId, job, createdAt: new Date() });
      events.record(new JobSaved(saved.id, { userId: actor.userId, jobId }));
      return SavedJobDto.of(saved, job);
    });
  }
}
