import type { EntityManager } from '@mikro-orm/postgresql';
import type { AiModelPrices } from '../ai-model-prices';

const DAY_START = `(?::date)::timestamp at time zone 'UTC'`;
const DAY_END = `(?::date + 1)::timestamp at time zone 'UTC'`;

/**
 * Events also rolled up per value of one of their properties (`dimension` = that value):
 * the per-network and per-source breakdowns of the dashboard.
 */
const DIMENSIONED_EVENTS: Record<string, string> = {
  social_post_published: 'network',
  social_post_failed: 'network',
  job_ingestion_succeeded: 'source',
  job_ingestion_failed: 'source',
};

/** The dashboard's security summary: rollup dimension → event store types (and a payload filter). */
const SECURITY_EVENTS: Array<[dimension: string, where: string]> = [
  ['failed_logins', `type = 'security.login_failed'`],
  ['lockouts', `type = 'security.account_locked'`],
  ['two_factor_failures', `type = 'security.mfa_failed'`],
  ['new_device_sign_ins', `type = 'security.new_device_login'`],
  ['refresh_token_reuse', `type = 'security.refresh_token_reused'`],
  [
    'api_key_denials',
    `(type = 'security.token_rejected' and payload->>'reason' = 'invalid_api_key')
     or (type = 'security.permission_denied' and payload->>'code' = 'auth.scope_required')`,
  ],
];

/** Per-dimension counts of DIMENSIONED_EVENTS; job runs also as one name, with postings and last success. */
export async function rollupDimensionedEvents(em: EntityManager, day: string): Promise<void> {
  for (const [name, property] of Object.entries(DIMENSIONED_EVENTS)) {
    await em.execute(
      `insert into analytics_daily_rollups (day, name, dimension, count, users)
       select ?::date, ?, properties->>?, count(*), count(distinct user_id) from analytics_events
       where name = ? and properties->>? is not null
       and occurred_at >= ${DAY_START} and occurred_at < ${DAY_END} group by 3`,
      [day, name, property, name, property, day, day],
    );
  }
  await em.execute(
    `insert into analytics_daily_rollups (day, name, dimension, count, users)
     select ?::date, rolled.name, e.properties->>'source', sum(rolled.value), 0
     from analytics_events e cross join lateral (values
       ('job_ingestion_runs', 1::bigint),
       ('job_ingestion_fetched', coalesce((e.properties->>'fetched')::bigint, 0))
     ) as rolled(name, value)
     where e.name in ('job_ingestion_succeeded', 'job_ingestion_failed')
     and e.properties->>'source' is not null
     and e.occurred_at >= ${DAY_START} and e.occurred_at < ${DAY_END}
     group by rolled.name, e.properties->>'source'`,
    [day, day, day],
  );
  await em.execute(
    `insert into analytics_daily_rollups (day, name, dimension, count, users)
     select ?::date, 'job_ingestion_last_success', properties->>'source',
       extract(epoch from max(occurred_at))::bigint, 0
     from analytics_events where name = 'job_ingestion_succeeded' and properties->>'source' is not null
     and occurred_at >= ${DAY_START} and occurred_at < ${DAY_END} group by 3`,
    [day, day, day],
  );
}

/**
 * The upgrade cohort of the day: users whose plan_upgrade_started happened that day
 * (`started`), and how many of them have a plan_upgrade_completed at or after their first
 * start of the day (`completed`). No rows for a day without starts.
 */
export async function rollupUpgradeCohort(em: EntityManager, day: string): Promise<void> {
  await em.execute(
    `with starts as (
       select user_id, min(occurred_at) as first_start from analytics_events
       where name = 'plan_upgrade_started' and user_id is not null
       and occurred_at >= ${DAY_START} and occurred_at < ${DAY_END}
       group by user_id
     ), cohort as (
       select s.user_id, exists (select 1 from analytics_events c where c.user_id = s.user_id
         and c.name = 'plan_upgrade_completed' and c.occurred_at >= s.first_start) as completed
       from starts s
     )
     insert into analytics_daily_rollups (day, name, dimension, count, users)
     select ?::date, 'upgrade_cohort', step, n, n from (
       select 'started' as step, count(*) as n from cohort
       union all select 'completed', count(*) filter (where completed) from cohort
     ) steps where exists (select 1 from cohort)`,
    [day, day, day],
  );
}

/**
 * AI calls, tokens and estimated cost per model from ai-usage's records (read only).
 * Cost is in micro-dollars: a price in USD per million tokens is micro-dollars per token.
 */
export async function rollupAiUsage(
  em: EntityManager,
  day: string,
  prices: AiModelPrices,
): Promise<void> {
  await em.execute(
    `with prices as (
       select key as model, (value->>'input')::numeric as input, (value->>'output')::numeric as output
       from jsonb_each(?::jsonb)
     ), per_model as (
       select u.model, count(*) as calls, count(distinct u.user_id) as users,
         sum(u.prompt_tokens)::bigint as prompt, sum(u.completion_tokens)::bigint as completion,
         round(sum(u.prompt_tokens * p.input + u.completion_tokens * p.output))::bigint as cost
       from ai_usage u left join prices p on p.model = u.model
       where u.occurred_at >= ${DAY_START} and u.occurred_at < ${DAY_END}
       group by u.model
     )
     insert into analytics_daily_rollups (day, name, dimension, count, users)
     select ?::date, rolled.name, per_model.model, rolled.value, per_model.users
     from per_model cross join lateral (values
       ('ai_calls', per_model.calls),
       ('ai_prompt_tokens', per_model.prompt),
       ('ai_completion_tokens', per_model.completion),
       ('ai_cost_micro_usd', coalesce(per_model.cost, 0))
     ) as rolled(name, value)`,
    [JSON.stringify(prices), day, day, day],
  );
  await em.execute(
    `insert into analytics_daily_rollups (day, name, dimension, count, users)
     select ?::date, 'ai_unpriced_tokens', '', sum(prompt_tokens + completion_tokens), count(distinct user_id)
     from ai_usage where model not in (select jsonb_object_keys(?::jsonb))
     and occurred_at >= ${DAY_START} and occurred_at < ${DAY_END}
     having count(*) > 0`,
    [day, JSON.stringify(prices), day, day],
  );
}

/** Security events of the day from the event store (its occurred_at index bounds the scan). */
export async function rollupSecurityEvents(em: EntityManager, day: string): Promise<void> {
  for (const [dimension, where] of SECURITY_EVENTS) {
    await em.execute(
      `insert into analytics_daily_rollups (day, name, dimension, count, users)
       select ?::date, 'security_events', ?, count(*), 0 from event_store
       where occurred_at >= ${DAY_START} and occurred_at < ${DAY_END} and (${where})
       having count(*) > 0`,
      [day, dimension, day, day],
    );
  }
}
