import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { ApplicationDto } from '../../dto/application.dto';
import { JobApplication } from '../../entities/job-application.entity';
import { JobApplicationStatusChanged } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { assertOwnCoverLetter, cvVersionOf } from '../../services/application-attachments';
import { UpdateApplicationCommand } from './update-application.command';

/** Changes status, notes, dates or attachments of the caller's application; another user's is a 404. */
@CommandHandler(UpdateApplicationCommand)
export class UpdateApplicationHandler implements ICommandHandler<UpdateApplicationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
  ) {}

  async execute({ actor, id, input }: UpdateApplicationCommand): Promise<ApplicationDto> {
    const cvVersion = input.cvId ? await cvVersionOf(this.queries, actor, input.cvId) : undefined;
    return this.uow.run(async (em, events) => {
      const application = await em.findOne(
        JobApplication,
        { id, userId: actor.userId },
        { populate: ['job'] },
      );
      if (!application)
        throw jobProblems.problem('job.application_not_found', `No application ${id}`);
      if (input.coverLetterId) await assertOwnCoverLetter(em, actor, input.coverLetterId);
      const now = new Date();
      if (input.status && input.status !== application.status) {
        events.record(
          new JobApplicationStatusChanged(application.id, {
            userId: actor.userId,
            jobId: application.job.id,
            from: application.status,
            to: input.status,
          }),
        );
        application.status = input.status;
        if (input.status === 'applied' && !application.appliedAt && !input.appliedAt)
          application.appliedAt = now;
      }
      if (input.cvId) {
        application.cvId = input.cvId;
        application.cvVersion = cvVersion ?? null;
      }
      if (input.coverLetterId) application.coverLetterId = input.coverLetterId;
      if (input.notes !== undefined) application.notes = input.notes;
      if (input.appliedAt) application.appliedAt = new Date(input.appliedAt);
      application.updatedAt = now;
      return ApplicationDto.of(application, application.job.getEntity());
    });
  }
}
