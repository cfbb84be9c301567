import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { envSchema } from '@lib/config';
import { AnalyticsRollups } from '../../src/modules/analytics/storage/analytics-rollups';

export const ANALYTICS_SEED = { events: 1_000_000, users: 20_000, days: 365 } as const;

const NAMES = [
  'user_active',
  'user_active',
  'user_active',
  'user_registered',
  'cv_created',
  'cv_downloaded',
  'cv_enhanced_ai',
  'job_search_performed',
  'job_search_performed',
  'job_saved',
  'job_application_started',
  'job_application_completed',
  'social_account_connected',
  'social_post_scheduled',
  'social_post_published',
  'plan_upgrade_started',
  'plan_upgrade_completed',
  'subscription_cancelled',
  'page_viewed',
  'page_viewed',
];

/** The rollup service's SQL (`?` placeholders, MikroORM style) on a plain pg client. */
function emOver(client: Client): EntityManager {
  const execute = async (sql: string, params: unknown[] = []) => {
    let n = 0;
    const result = await client.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return result.rows as unknown[];
  };
  const em = {
    execute,
    fork: () => em,
    transactional: async (fn: (inner: unknown) => Promise<unknown>) => {
      await client.query('begin');
      try {
        const value = await fn(em);
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
  };
  return em as unknown as EntityManager;
}

/**
 * 1,000,000 analytics events over the last 365 days (20,000 users, the server-side
 * names plus page views), written straight into the partitioned table in one
 * statement, then every day rolled up by the app's own rollup code. Idempotent:
 * earlier bench events (marked `{"bench": true}`) and all rollups of the range go first.
 */
export async function seedAnalytics(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`delete from analytics_events where properties @> '{"bench": true}'`);
    await client.query(
      `insert into analytics_events (id, occurred_at, name, user_id, client_id, properties, source_event_id)
       select gen_random_uuid(),
              now() - (random() * $2::int * interval '1 day'),
              ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int],
              ('00000000-0000-4000-8000-' || lpad(to_hex(floor(random() * $4::int)::int), 12, '0'))::uuid,
              null, '{"bench": true}'::jsonb, null
       from generate_series(1, $1::int)`,
      [ANALYTICS_SEED.events, ANALYTICS_SEED.days - 1, NAMES, ANALYTICS_SEED.users],
    );
    await client.query('analyze analytics_events');
    const rollups = new AnalyticsRollups(
      emOver(client),
      envSchema.shape.AI_MODEL_PRICES.parse(process.env.AI_MODEL_PRICES),
    );
    await rollups.recomputeRecent(ANALYTICS_SEED.days);
    await client.query('analyze analytics_daily_rollups');
  } finally {
    await client.end();
  }
}
