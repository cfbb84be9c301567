import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { User } from '../../identity';
import { Notifier } from '../../notifications';
import { JobAlertDelivery } from '../entities/job-alert-delivery.entity';
import { Job } from '../entities/job.entity';
import { JobAlertDigestReady } from '../events/jobs.events';

/**
 * Mails a user's digest: every alert of the run that found jobs, in one email
 * (`jobs.alert_daily` / `jobs.alert_weekly`, which carry one-click unsubscribe
 * and obey the user's preferences). The digest id is the notification subject,
 * so a redelivered event sends nothing more.
 */
@Injectable()
@HandlesEvent(JobAlertDigestReady)
export class MailJobAlertDigestHandler implements DomainEventHandler<JobAlertDigestReady> {
  constructor(
    private readonly em: EntityManager,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async handle(event: JobAlertDigestReady): Promise<void> {
    const digestId = event.streamId;
    const { userId, frequency } = event.payload;
    const em = this.em.fork();
    const user = await em.findOne(User, userId, { fields: ['name'] });
    if (!user) return;
    const deliveries = await em.find(
      JobAlertDelivery,
      { digestId, status: 'sent' },
      { populate: ['alert'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const ids = [...new Set(deliveries.flatMap((d) => d.jobIds))];
    if (ids.length === 0) return;
    const jobs = new Map((await em.find(Job, { id: { $in: ids } })).map((j) => [j.id, j]));
    const base = this.config.env.FRONTEND_URL;
    await this.notifier.notify(
      userId,
      `jobs.alert_${frequency}`,
      {
        name: user.name,
        alertName: deliveries.map((d) => d.alert.getEntity().name).join(', '),
        jobs: ids
          .filter((id) => jobs.has(id))
          .map((id) => {
            const job = jobs.get(id)!;
            return {
              title: job.title,
              company: job.company,
              location: job.location ?? (job.remote ? 'Remote' : ''),
              url: `${base}/jobs/${id}`,
            };
          }),
        link: `${base}/jobs/alerts`,
      },
      { subjectId: digestId },
    );
  }
}
