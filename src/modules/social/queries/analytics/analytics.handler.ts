import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PLAN_CATALOG, requiredPlanFor } from '@lib/authz';
import type {
  AdvancedSocialAnalyticsDto,
  AnalyticsPointDto,
  SocialAnalyticsDto,
} from '../../dto/social-insights.dto';
import { SocialAccount } from '../../entities/social-account.entity';
import { dateRange } from '../../services/date-range';
import { socialProblems } from '../../social.problems';
import { SocialAnalyticsQuery } from './analytics.query';

type Counters = { likes: string; comments: string; shares: string; impressions: string };

/** The latest snapshot per target captured before `?` (end), of the user's (and account's) targets. */
const LATEST = (accountFilter: string) => `
  select distinct on (m.target_id) m.target_id, m.likes, m.comments, m.shares, coalesce(m.impressions, 0) as impressions
    from social_metric_snapshots m
   where m.user_id = ? ${accountFilter} and m.captured_at < ?
   order by m.target_id, m.captured_at desc`;

/**
 * A point per UTC day: targets published that day and the totals of every
 * target's latest counters by the end of that day (so the series grows as
 * snapshots accumulate). Plans with `advancedAnalytics` also get a per-network
 * breakdown and the top posts.
 */
@QueryHandler(SocialAnalyticsQuery)
export class SocialAnalyticsHandler implements IQueryHandler<
  SocialAnalyticsQuery,
  SocialAnalyticsDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, from, to, accountId }: SocialAnalyticsQuery): Promise<SocialAnalyticsDto> {
    const range = dateRange(from, to);
    const em = this.em.fork();
    if (accountId && !(await em.count(SocialAccount, { id: accountId, userId: actor.userId }))) {
      throw socialProblems.problem('social.account_not_found', `No account ${accountId}`);
    }
    const accountFilter = accountId ? 'and m.account_id = ?' : '';
    const accountArgs = accountId ? [accountId] : [];
    const points = await em.execute<Array<Counters & { date: string; published: string }>>(
      `with days as (
         select generate_series(date_trunc('day', ?::timestamptz, 'UTC'), ?::timestamptz, interval '1 day') as day
       )
       select to_char(d.day at time zone 'UTC', 'YYYY-MM-DD') as date,
              (select count(*) from social_post_targets t
                where t.user_id = ? ${accountId ? 'and t.account_id = ?' : ''} and t.status = 'published'
                  and t.published_at >= d.day and t.published_at < d.day + interval '1 day') as published,
              coalesce(sum(s.likes), 0) as likes, coalesce(sum(s.comments), 0) as comments,
              coalesce(sum(s.shares), 0) as shares, coalesce(sum(s.impressions), 0) as impressions
         from days d
         left join lateral (
           select distinct on (m.target_id) m.likes, m.comments, m.shares, coalesce(m.impressions, 0) as impressions
             from social_metric_snapshots m
            where m.user_id = ? ${accountFilter} and m.captured_at < d.day + interval '1 day'
            order by m.target_id, m.captured_at desc
         ) s on true
        group by d.day order by d.day`,
      [range.from, range.to, actor.userId, ...accountArgs, actor.userId, ...accountArgs],
    );
    const series: AnalyticsPointDto[] = points.map((p) => ({
      date: p.date,
      published: Number(p.published),
      likes: Number(p.likes),
      comments: Number(p.comments),
      shares: Number(p.shares),
      impressions: Number(p.impressions),
    }));
    const allowed = PLAN_CATALOG[actor.tier].features.includes('advancedAnalytics');
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      accountId: accountId ?? null,
      series,
      advanced: allowed
        ? await this.advanced(em, actor.userId, range, accountFilter, accountArgs)
        : null,
      requiredPlan: allowed ? null : requiredPlanFor('advancedAnalytics'),
    };
  }

  private async advanced(
    em: EntityManager,
    userId: string,
    range: { from: Date; to: Date },
    accountFilter: string,
    accountArgs: string[],
  ): Promise<AdvancedSocialAnalyticsDto> {
    const rows = await em.execute<
      Array<
        Counters & {
          target_id: string;
          post_id: string;
          network: string;
          remote_url: string | null;
        }
      >
    >(
      `select t.id as target_id, t.post_id, t.network, t.remote_url, s.likes, s.comments, s.shares, s.impressions
         from social_post_targets t join (${LATEST(accountFilter)}) s on s.target_id = t.id
        where t.status = 'published' and t.published_at between ? and ?`,
      [userId, ...accountArgs, range.to, range.from, range.to],
    );
    const byNetwork = new Map<
      string,
      { published: number; likes: number; comments: number; shares: number; impressions: number }
    >();
    for (const row of rows) {
      const n = byNetwork.get(row.network) ?? {
        published: 0,
        likes: 0,
        comments: 0,
        shares: 0,
        impressions: 0,
      };
      n.published += 1;
      n.likes += Number(row.likes);
      n.comments += Number(row.comments);
      n.shares += Number(row.shares);
      n.impressions += Number(row.impressions);
      byNetwork.set(row.network, n);
    }
    const engagement = (r: Counters) => Number(r.likes) + Number(r.comments) + Number(r.shares);
    return {
      byNetwork: [...byNetwork.entries()].map(([network, n]) => ({
        network,
        ...n,
        engagementRate:
          n.impressions > 0 ? (n.likes + n.comments + n.shares) / n.impressions : null,
      })),
      topPosts: [...rows]
        .sort((a, b) => engagement(b) - engagement(a))
        .slice(0, 5)
        .map((r) => ({
          postId: r.post_id,
          targetId: r.target_id,
          network: r.network,
          engagement: engagement(r),
          remoteUrl: r.remote_url,
        })),
    };
  }
}
