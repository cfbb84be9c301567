import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { alertFilters, JobAlertDto } from '../../dto/job-alert.dto';
import { JobAlert } from '../../entities/job-alert.entity';
import { JobAlertUpdated } from '../../events/jobs.events';
import { jobProblems } from '../../jobs.problems';
import { alertName } from '../../services/alert-name';
import { nextAlertRun } from '../../services/alert-schedule';
import { UpdateJobAlertCommand } from './update-job-alert.command';

/**
 * Changes an alert of the caller's (another user's is a 404). Given filters replace the old
 * ones; a new schedule takes effect from now; the watermark stays, so nothing already mailed
 * comes again.
 */
@CommandHandler(UpdateJobAlertCommand)
export class UpdateJobAlertHandler implements ICommandHandler<UpdateJobAlertCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, id, input }: UpdateJobAlertCommand): Promise<JobAlertDto> {
    return this.uow.run(async (em, events) => {
      const alert = await em.findOne(JobAlert, { id, userId: actor.userId });
      if (!alert) throw jobProblems.problem('job.alert_not_found', `No job alert ${id}`);
      const now = new Date();
      if (input.query !== undefined) alert.query = input.query.trim() || null;
      if (input.name !== undefined || input.query !== undefined)
        alert.name = alertName(input.name ?? alert.name, alert.query ?? null);
      if (input.filters !== undefined) alert.filters = alertFilters(input.filters);
      const schedule = { frequency: alert.frequency, hour: alert.hour, timezone: alert.timezone };
      alert.frequency = input.frequency ?? alert.frequency;
      alert.hour = input.hour ?? alert.hour;
      alert.timezone = input.timezone ?? alert.timezone;
      if (
        schedule.frequency !== alert.frequency ||
        schedule.hour !== alert.hour ||
        schedule.timezone !== alert.timezone
      )
        alert.nextRunAt = nextAlertRun(alert.frequency, alert.hour, alert.timezone, now);
      alert.updatedAt = now;
      events.record(
        new JobAlertUpdated(alert.id, { userId: actor.userId, frequency: alert.frequency }),
      );
      return JobAlertDto.of(alert);
    });
  }
}
