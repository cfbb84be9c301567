import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from 'uuidv7';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { NotificationPreferencesReader } from '../../../notifications';
import { JobAlert, type AlertFrequency } from '../../entities/job-alert.entity';
import type { AlertDeliveryStatus } from '../../entities/job-alert-delivery.entity';
import { JobAlertDigestReady } from '../../events/jobs.events';
import { JOB_SEARCH, type JobSearchPort } from '../../search/job-search.port';
import { nextAlertRun } from '../../services/alert-schedule';
import { RunJobAlertDigestsCommand, type JobAlertRunResult } from './run-job-alert-digests.command';

/** Jobs one alert contributes to a digest (newest first). */
export const DIGEST_JOBS_PER_ALERT = 20;

/**
 * One transaction per user: a try-lock on the user (another replica running the
 * same user skips it), the user's due alerts, a delivery row per (alert, run)
 * (unique, so a run is recorded once), watermarks and next runs moved, and, when
 * something new was found, one `JobAlertDigestReady` event: its handler mails
 * one email for all of the user's alerts of this run.
 */
@CommandHandler(RunJobAlertDigestsCommand)
export class RunJobAlertDigestsHandler implements ICommandHandler<RunJobAlertDigestsCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly em: EntityManager,
    @Inject(JOB_SEARCH) private readonly engine: JobSearchPort,
    private readonly preferences: NotificationPreferencesReader,
    private readonly config: AppConfig,
  ) {}

  async execute({ now }: RunJobAlertDigestsCommand): Promise<JobAlertRunResult> {
    const cutoff = new Date(now.getTime() - this.config.env.JOB_ALERT_SETTLE_SECONDS * 1000);
    const users = await this.em
      .fork()
      .execute<Array<{ user_id: string }>>(
        'select distinct user_id from job_alerts where next_run_at <= ?',
        [now.toISOString()],
      );
    const result: JobAlertRunResult = { users: 0, digests: 0, empty: 0, skipped: 0 };
    for (const { user_id } of users) await this.runUser(user_id, now, cutoff, result);
    return result;
  }

  private runUser(
    userId: string,
    now: Date,
    cutoff: Date,
    result: JobAlertRunResult,
  ): Promise<void> {
    return this.uow.run(async (em, events) => {
      const [lock] = await em.execute<Array<{ locked: boolean }>>(
        `select pg_try_advisory_xact_lock(hashtext('job-alert-digest:' || ?)) as locked`,
        [userId],
      );
      if (!lock.locked) return;
      // Read after the lock: a replica that ran this user first has committed by now.
      const alerts = await em.find(
        JobAlert,
        { userId, nextRunAt: { $lte: now } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      if (alerts.length === 0) return;
      result.users += 1;
      const preferences = await this.preferences.of(em, userId);
      const digestId = uuidv7();
      let found = 0;
      let frequency: AlertFrequency | null = null;
      for (const alert of alerts) {
        const wanted =
          preferences.channels.jobAlerts.email && preferences.jobAlertDigest === alert.frequency;
        const jobIds = wanted ? await this.newMatches(alert, cutoff) : [];
        const status: AlertDeliveryStatus = !wanted ? 'skipped' : jobIds.length ? 'sent' : 'empty';
        const recorded = await em.execute<Array<{ id: string }>>(
          `insert into job_alert_deliveries (id, alert_id, user_id, run_at, digest_id, status, reason, job_ids, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
           on conflict (alert_id, run_at) do nothing returning id`,
          [
            uuidv7(),
            alert.id,
            userId,
            alert.nextRunAt.toISOString(),
            digestId,
            status,
            wanted ? null : 'preferences',
            JSON.stringify(jobIds),
            now.toISOString(),
          ],
        );
        if (recorded.length > 0) {
          if (status === 'sent') {
            found += jobIds.length;
            frequency = alert.frequency;
          }
          if (status === 'empty') result.empty += 1;
          if (status === 'skipped') result.skipped += 1;
        }
        if (cutoff > alert.watermark) alert.watermark = cutoff;
        alert.lastRunAt = now;
        alert.nextRunAt = nextAlertRun(alert.frequency, alert.hour, alert.timezone, now);
      }
      if (found > 0 && frequency) {
        result.digests += 1;
        events.record(new JobAlertDigestReady(digestId, { userId, frequency, jobs: found }));
      }
    });
  }

  /** Jobs first seen in (watermark, cutoff] that the alert's search matches, newest first. */
  private async newMatches(alert: JobAlert, cutoff: Date): Promise<string[]> {
    if (cutoff <= alert.watermark) return [];
    const page = await this.engine.search({
      ...alert.filters,
      q: alert.query ?? undefined,
      firstSeenAfter: alert.watermark,
      firstSeenUntil: cutoff,
      sort: 'newest',
      facets: false,
      limit: DIGEST_JOBS_PER_ALERT,
    });
    return page.hits.map((h) => h.id);
  }
}
