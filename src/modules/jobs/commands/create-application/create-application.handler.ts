import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { PLAN_CATALOG, requiredPlanForQuota } from '@lib/authz';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { ApplicationDto } from '../../dto/application.dto';
import { JobApplication } from '../../entities/job-application.entity';
import { Job } from '../../entities/job.entity';
import { JobApplicationCreated } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { assertOwnCoverLetter, cvVersionOf } from '../../services/application-attachments';
import { CreateApplicationCommand } from './create-application.command';

/** Starts tracking a job (one application per job and user), within the plan's `jobApplications` quota. */
@CommandHandler(CreateApplicationCommand)
export class CreateApplicationHandler implements ICommandHandler<CreateApplicationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
  ) {}

  async execute({ actor, input }: CreateApplicationCommand): Promise<ApplicationDto> {
    const cvVersion = input.cvId ? await cvVersionOf(this.queries, actor, input.cvId) : null;
    return this.uow.run(async (em, events) => {
      const job = await em.findOne(Job, { id: input.jobId });
      if (!job) throw jobProblems.problem('job.not_found', `No job ${input.jobId}`);
      if (input.coverLetterId) await assertOwnCoverLetter(em, actor, input.coverLetterId);
      await em.execute(`select pg_advisory_xact_lock(hashtext('job-applications:' || ?))`, [
        actor.userId,
      ]);
      const existing = await em.findOne(JobApplication, { userId: actor.userId, job: job.id });
      if (existing) {
        throw jobProblems.problem('job.application_exists', 'You already track this job', {
          applicationId: existing.id,
        });
      }
      const limit = PLAN_CATALOG[actor.tier].quotas.jobApplications;
      if ((await em.count(JobApplication, { userId: actor.userId })) >= limit) {
        const requiredPlan = requiredPlanForQuota('jobApplications', limit);
        throw Problem.forbidden(
          'plan.quota_exceeded',
          `Your plan allows ${limit} tracked applications`,
          {
            quota: 'jobApplications',
            limit,
            ...(requiredPlan ? { requiredPlan } : {}),
          },
        );
      }
      const status = input.status ?? 'interested';
      const now = new Date();
      const application = em.create(JobApplication, {
        userId: actor.userId,
        job,
        status,
        cvId: input.cvId ?? null,
        cvVersion,
        coverLetterId: input.coverLetterId ?? null,
        notes: input.notes ?? null,
        appliedAt: input.appliedAt ? new Date(input.appliedAt) : status === 'applied' ? now : null,
        createdAt: now,
        updatedAt: now,
      });
      events.record(
        new JobApplicationCreated(application.id, { userId: actor.userId, jobId: job.id, status }),
      );
      return ApplicationDto.of(application, job);
    });
  }
}
