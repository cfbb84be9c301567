import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AI_MODEL_PRICES, type AiModelPrices } from '../ai-model-prices';
import {
  rollupAiUsage,
  rollupDimensionedEvents,
  rollupSecurityEvents,
  rollupUpgradeCohort,
} from './rollup-sources';

/** Recomputed each run: today and yesterday (late events); nightly, the days cohorts still move. */
export const ROLLUP_RECENT_DAYS = 2;
export const ROLLUP_COHORT_DAYS = 35;

const DAY_START = `(?::date)::timestamp at time zone 'UTC'`;
const DAY_END = `(?::date + 1)::timestamp at time zone 'UTC'`;

/**
 * Rows written by snapshots of current state (billing now, queue samples), not computed
 * from the day's events: a recompute keeps them.
 */
export const SNAPSHOT_ROLLUPS = [
  'billing_mrr',
  'billing_subscriptions',
  'queue_waiting',
  'queue_waiting_peak',
  'queue_active',
  'queue_delayed',
  'queue_failed',
];

/**
 * `analytics_daily_rollups`: per UTC day, each event name's count and distinct users
 * (dimension `''`); `user_active` also over the 7 and 30 days ending that day (`7d`,
 * `30d`); and `activation`, the users who registered that day (`registered`) and how many
 * of them have since created (`cv_created`) and downloaded (`cv_downloaded`) a CV;
 * and the sources in rollup-sources.ts (per-network/per-source counts, the upgrade
 * cohort, AI cost from ai-usage, security events from the event store).
 * A day is recomputed whole in one transaction, so reruns are harmless.
 */
@Injectable()
export class AnalyticsRollups {
  constructor(
    private readonly em: EntityManager,
    @Inject(AI_MODEL_PRICES) private readonly prices: AiModelPrices,
  ) {}

  async recompute(day: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      await em.execute(
        `delete from analytics_daily_rollups where day = ? and name not in (select jsonb_array_elements_text(?::jsonb))`,
        [day, JSON.stringify(SNAPSHOT_ROLLUPS)],
      );
      await em.execute(
        `insert into analytics_daily_rollups (day, name, dimension, count, users)
         select ?::date, name, '', count(*), count(distinct user_id) from analytics_events
         where occurred_at >= ${DAY_START} and occurred_at < ${DAY_END} group by name`,
        [day, day, day],
      );
      for (const days of [7, 30]) {
        await em.execute(
          `insert into analytics_daily_rollups (day, name, dimension, count, users)
           select ?::date, 'user_active', ?, count(distinct user_id), count(distinct user_id)
           from analytics_events where name = 'user_active'
           and occurred_at >= (?::date - ?::int + 1)::timestamp at time zone 'UTC'
           and occurred_at < ${DAY_END}`,
          [day, `${days}d`, day, days, day],
        );
      }
      await em.execute(
        `with cohort as (
           select r.user_id,
             exists (select 1 from analytics_events c where c.user_id = r.user_id
               and c.name = 'cv_created' and c.occurred_at >= r.occurred_at) as created,
             exists (select 1 from analytics_events d where d.user_id = r.user_id
               and d.name = 'cv_downloaded' and d.occurred_at >= r.occurred_at) as downloaded
           from analytics_events r where r.name = 'user_registered' and r.user_id is not null
           and r.occurred_at >= ${DAY_START} and r.occurred_at < ${DAY_END}
         )
         insert into analytics_daily_rollups (day, name, dimension, count, users)
         select ?::date, 'activation', step, n, n from (
           select 'registered' as step, count(*) as n from cohort
           union all select 'cv_created', count(*) filter (where created) from cohort
           union all select 'cv_downloaded', count(*) filter (where created and downloaded) from cohort
         ) steps`,
        [day, day, day],
      );
      await rollupDimensionedEvents(em, day);
      await rollupUpgradeCohort(em, day);
      await rollupAiUsage(em, day, this.prices);
      await rollupSecurityEvents(em, day);
      if (day === new Date().toISOString().slice(0, 10)) await this.snapshotBilling(em, day);
    });
  }

  /**
   * Billing keeps only the current state of subscriptions, so MRR and active
   * subscriptions by plan are snapshotted for today (each run overwrites today's);
   * past days keep the snapshot taken on them. Read-only over billing's table.
   */
  private async snapshotBilling(em: EntityManager, day: string): Promise<void> {
    await em.execute(
      `delete from analytics_daily_rollups where day = ? and name in ('billing_mrr', 'billing_subscriptions')`,
      [day],
    );
    await em.execute(
      `insert into analytics_daily_rollups (day, name, dimension, count, users)
       select ?::date, 'billing_mrr', '',
         coalesce(sum(case when interval = 'year' then amount_cents / 12.0 else amount_cents end), 0)::bigint, 0
       from billing_subscriptions
       where status in ('active', 'trialing') or (status = 'past_due' and grace_until > now())`,
      [day],
    );
    await em.execute(
      `insert into analytics_daily_rollups (day, name, dimension, count, users)
       select ?::date, 'billing_subscriptions', coalesce(plan, 'unknown'), count(*), count(distinct user_id)
       from billing_subscriptions where status in ('active', 'trialing') group by 3`,
      [day],
    );
  }

  /** Recomputes the `days` UTC days up to and including `now`'s. */
  async recomputeRecent(days: number, now = new Date()): Promise<string[]> {
    const recomputed: string[] = [];
    for (let back = days - 1; back >= 0; back -= 1) {
      const day = new Date(now.getTime() - back * 86_400_000).toISOString().slice(0, 10);
      await this.recompute(day);
      recomputed.push(day);
    }
    return recomputed;
  }
}
