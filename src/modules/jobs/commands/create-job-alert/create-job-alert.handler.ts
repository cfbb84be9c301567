import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLAN_CATALOG, requiredPlanForQuota } from '@lib/authz';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { alertFilters, JobAlertDto } from '../../dto/job-alert.dto';
import { JobAlert } from '../../entities/job-alert.entity';
import { JobAlertCreated } from '../../events/jobs.events';
import { alertName } from '../../services/alert-name';
import { nextAlertRun } from '../../services/alert-schedule';
import { CreateJobAlertCommand } from './create-job-alert.command';

/**
 * Saves a search that mails new matches, within the plan's `savedSearches`
 * quota (403 `plan.quota_exceeded` with the plan that allows more; an advisory
 * lock per user makes concurrent creations count one after another).
 */
@CommandHandler(CreateJobAlertCommand)
export class CreateJobAlertHandler implements ICommandHandler<CreateJobAlertCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, input }: CreateJobAlertCommand): Promise<JobAlertDto> {
    return this.uow.run(async (em, events) => {
      await em.execute(`select pg_advisory_xact_lock(hashtext('job-alerts:' || ?))`, [
        actor.userId,
      ]);
      const limit = PLAN_CATALOG[actor.tier].quotas.savedSearches;
      if ((await em.count(JobAlert, { userId: actor.userId })) >= limit) {
        const requiredPlan = requiredPlanForQuota('savedSearches', limit);
        throw Problem.forbidden(
          'plan.quota_exceeded',
          `Your plan allows ${limit} job alerts; delete one or upgrade`,
          { quota: 'savedSearches', limit, ...(requiredPlan ? { requiredPlan } : {}) },
        );
      }
      const now = new Date();
      const frequency = input.frequency ?? 'daily';
      const hour = input.hour ?? 8;
      const timezone = input.timezone ?? 'UTC';
      const query = input.query?.trim() || null;
      const alert = em.create(JobAlert, {
        userId: actor.userId,
        name: alertName(input.name, query),
        query,
        filters: alertFilters(input.filters),
        frequency,
        hour,
        timezone,
        watermark: now,
        nextRunAt: nextAlertRun(frequency, hour, timezone, now),
        lastRunAt: null,
        createdAt: now,
        updatedAt: now,
      });
      events.record(new JobAlertCreated(alert.id, { userId: actor.userId, frequency }));
      return JobAlertDto.of(alert);
    });
  }
}
