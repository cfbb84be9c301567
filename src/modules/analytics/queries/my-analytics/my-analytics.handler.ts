import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG, requiredPlanFor } from '@lib/authz';
import { analyticsProblems } from '../../analytics.problems';
import type { MyActivityDayDto, MyAnalyticsDto, MyCvSeriesDto } from '../../dto/my-analytics.dto';
import { MyAnalyticsQuery } from './my-analytics.query';

const DAY_MS = 86_400_000;
const MAX_DAYS = 400;
const SUMMARY_DAYS = 7;

const ACTIVITY = {
  job_application_started: 'applicationsStarted',
  job_application_completed: 'applicationsCompleted',
  social_post_scheduled: 'postsScheduled',
  social_post_published: 'postsPublished',
} as const;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Read-only over the caller's rows: shared-CV visits (`cv_share_visits` of the
 * caller's CVs) and the caller's analytics events (index on user_id, occurred_at).
 */
@QueryHandler(MyAnalyticsQuery)
export class MyAnalyticsHandler implements IQueryHandler<MyAnalyticsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, ...query }: MyAnalyticsQuery): Promise<MyAnalyticsDto> {
    const full = PLAN_CATALOG[actor.tier].features.includes('advancedAnalytics');
    const today = isoDay(Date.now());
    const to = full ? (query.to ?? today) : today;
    const from = full
      ? (query.from ?? isoDay(Date.parse(to) - 29 * DAY_MS))
      : isoDay(Date.now() - (SUMMARY_DAYS - 1) * DAY_MS);
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (!(days >= 1 && days <= MAX_DAYS)) {
      throw analyticsProblems.problem(
        'analytics.invalid_range',
        `from (${from}) must not be after to (${to}), and the range holds at most ${MAX_DAYS} days`,
      );
    }
    const em = this.em.fork();
    const visits = await em.execute<
      { cv_id: string; title: string; day: string; views: string; downloads: string }[]
    >(
      `select v.cv_id, c.title, to_char(v.day, 'YYYY-MM-DD') as day,
         count(*) filter (where v.kind = 'view') as views,
         count(*) filter (where v.kind = 'download') as downloads
       from cv_share_visits v join cvs c on c.id = v.cv_id
       where c.owner_id = ? and v.day between ? and ?
       group by v.cv_id, c.title, v.day order by v.cv_id, v.day`,
      [actor.userId, from, to],
    );
    const events = await em.execute<{ name: keyof typeof ACTIVITY; day: string; n: string }[]>(
      `select name, to_char((occurred_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, count(*) as n
       from analytics_events
       where user_id = ? and name in (${Object.keys(ACTIVITY)
         .map(() => '?')
         .join(', ')})
         and occurred_at >= (?::date)::timestamp at time zone 'UTC'
         and occurred_at < (?::date + 1)::timestamp at time zone 'UTC'
       group by 1, 2 order by 2`,
      [actor.userId, ...Object.keys(ACTIVITY), from, to],
    );

    const activity = new Map<string, MyActivityDayDto>();
    const totals = {
      cvViews: 0,
      cvDownloads: 0,
      applicationsStarted: 0,
      applicationsCompleted: 0,
      postsScheduled: 0,
      postsPublished: 0,
    };
    for (const row of events) {
      const key = ACTIVITY[row.name];
      const day = activity.get(row.day) ?? {
        day: row.day,
        applicationsStarted: 0,
        applicationsCompleted: 0,
        postsScheduled: 0,
        postsPublished: 0,
      };
      day[key] += Number(row.n);
      totals[key] += Number(row.n);
      activity.set(row.day, day);
    }
    const cvs = new Map<string, MyCvSeriesDto>();
    for (const row of visits) {
      const cv = cvs.get(row.cv_id) ?? { cvId: row.cv_id, title: row.title, days: [] };
      cv.days.push({ day: row.day, views: Number(row.views), downloads: Number(row.downloads) });
      totals.cvViews += Number(row.views);
      totals.cvDownloads += Number(row.downloads);
      cvs.set(row.cv_id, cv);
    }
    return {
      from,
      to,
      summaryOnly: !full,
      requiredPlan: full ? null : requiredPlanFor('advancedAnalytics'),
      totals,
      cvs: full ? [...cvs.values()] : null,
      activity: full ? [...activity.values()] : null,
    };
  }
}
