/** How a value of a bucket is made from the rollup rows of its days. */
type Aggregate =
  | 'sumCount' // events in the bucket
  | 'sumUsers' // daily distinct users, added up (a user on two days counts twice)
  | 'avgUsers' // average daily distinct users
  | 'lastCount' // the value of the bucket's last day (snapshots, rolling windows)
  | 'lastUsers'
  | 'maxCount'; // the bucket's highest daily value (peaks, latest timestamps)

/** Every non-empty dimension of the name, each its own value `<key>.<dimension>` next to the total. */
export const EACH_DIMENSION = '*';

export interface SeriesValue {
  name: string;
  /** One dimension (`''`: all of the name's events), or EACH_DIMENSION. */
  dimension: string;
  aggregate: Aggregate;
  /** Divides the stored integer (e.g. micro-dollars to dollars). */
  scale?: number;
}

/** `of / (sum of over)`, per point (and per dimension when the values are per dimension); 0 when nothing. */
export interface SeriesRate {
  of: string;
  over: readonly string[];
}

export const DASHBOARD_INTERVALS = ['day', 'week', 'month'] as const;
export type DashboardInterval = (typeof DASHBOARD_INTERVALS)[number];

/**
 * The admin dashboard's series, each answered from `analytics_daily_rollups` only.
 * A value's key is what the client sees; `name`/`dimension` pick the rollup rows.
 */
export const DASHBOARD_SERIES = {
  signups: {
    description: 'Registrations per bucket',
    values: { signups: { name: 'user_registered', dimension: '', aggregate: 'sumCount' } },
  },
  'active-users': {
    description:
      'DAU (average daily actives in the bucket), WAU and MAU (distinct actives over the 7 and 30 days ending on the bucket’s last day)',
    values: {
      dau: { name: 'user_active', dimension: '', aggregate: 'avgUsers' },
      wau: { name: 'user_active', dimension: '7d', aggregate: 'lastUsers' },
      mau: { name: 'user_active', dimension: '30d', aggregate: 'lastUsers' },
    },
  },
  'activation-funnel': {
    description:
      'Users who registered in the bucket, how many of them created a CV since, and how many also downloaded one',
    values: {
      registered: { name: 'activation', dimension: 'registered', aggregate: 'sumCount' },
      cvCreated: { name: 'activation', dimension: 'cv_created', aggregate: 'sumCount' },
      cvDownloaded: { name: 'activation', dimension: 'cv_downloaded', aggregate: 'sumCount' },
    },
  },
  'upgrade-funnel': {
    description:
      'Users who started a checkout and users whose upgrade completed (daily distinct, summed); ' +
      'the cohort: users who started an upgrade in the bucket and how many of them completed one since, and that conversion',
    values: {
      started: { name: 'plan_upgrade_started', dimension: '', aggregate: 'sumUsers' },
      completed: { name: 'plan_upgrade_completed', dimension: '', aggregate: 'sumUsers' },
      cohortStarted: { name: 'upgrade_cohort', dimension: 'started', aggregate: 'sumCount' },
      cohortCompleted: { name: 'upgrade_cohort', dimension: 'completed', aggregate: 'sumCount' },
    },
    rates: { cohortConversion: { of: 'cohortCompleted', over: ['cohortStarted'] } },
  },
  revenue: {
    description:
      'MRR (cents) and active subscriptions by plan on the bucket’s last snapshot day, cancellations (churn) in the bucket',
    values: {
      mrrCents: { name: 'billing_mrr', dimension: '', aggregate: 'lastCount' },
      proSubscriptions: { name: 'billing_subscriptions', dimension: 'pro', aggregate: 'lastCount' },
      premiumSubscriptions: {
        name: 'billing_subscriptions',
        dimension: 'premium',
        aggregate: 'lastCount',
      },
      cancellations: { name: 'subscription_cancelled', dimension: '', aggregate: 'sumCount' },
    },
  },
  'job-activity': {
    description: 'Job searches, saved jobs, applications started and completed',
    values: {
      searches: { name: 'job_search_performed', dimension: '', aggregate: 'sumCount' },
      saved: { name: 'job_saved', dimension: '', aggregate: 'sumCount' },
      applicationsStarted: {
        name: 'job_application_started',
        dimension: '',
        aggregate: 'sumCount',
      },
      applicationsCompleted: {
        name: 'job_application_completed',
        dimension: '',
        aggregate: 'sumCount',
      },
    },
  },
  'social-publishing': {
    description:
      'Accounts connected, posts scheduled; targets published and finally failed, in total and per network (`published.linkedin`), and the success rate published / (published + failed)',
    values: {
      accountsConnected: { name: 'social_account_connected', dimension: '', aggregate: 'sumCount' },
      scheduled: { name: 'social_post_scheduled', dimension: '', aggregate: 'sumCount' },
      published: {
        name: 'social_post_published',
        dimension: EACH_DIMENSION,
        aggregate: 'sumCount',
      },
      failed: { name: 'social_post_failed', dimension: EACH_DIMENSION, aggregate: 'sumCount' },
    },
    rates: { successRate: { of: 'published', over: ['published', 'failed'] } },
  },
  'ai-usage': {
    description: 'AI enhancements of CVs and the users who made them',
    values: {
      enhancements: { name: 'cv_enhanced_ai', dimension: '', aggregate: 'sumCount' },
      users: { name: 'cv_enhanced_ai', dimension: '', aggregate: 'sumUsers' },
    },
  },
  'ai-cost': {
    description:
      'Every AI call (all operations): calls, prompt and completion tokens, and the estimated cost in USD ' +
      '(tokens × AI_MODEL_PRICES at rollup time), in total and per model (`costUsd.gpt-4o`); ' +
      '`unpricedTokens`: tokens of models without a configured price (not in the cost)',
    values: {
      calls: { name: 'ai_calls', dimension: EACH_DIMENSION, aggregate: 'sumCount' },
      promptTokens: { name: 'ai_prompt_tokens', dimension: EACH_DIMENSION, aggregate: 'sumCount' },
      completionTokens: {
        name: 'ai_completion_tokens',
        dimension: EACH_DIMENSION,
        aggregate: 'sumCount',
      },
      costUsd: {
        name: 'ai_cost_micro_usd',
        dimension: EACH_DIMENSION,
        aggregate: 'sumCount',
        scale: 1_000_000,
      },
      unpricedTokens: { name: 'ai_unpriced_tokens', dimension: '', aggregate: 'sumCount' },
    },
  },
  'job-ingestion': {
    description:
      'Job source runs, failed runs and postings fetched, in total and per source (`runs.remotive`), ' +
      'the error rate, and each source’s last successful run in the bucket (Unix seconds, 0: none)',
    values: {
      runs: { name: 'job_ingestion_runs', dimension: EACH_DIMENSION, aggregate: 'sumCount' },
      errors: { name: 'job_ingestion_failed', dimension: EACH_DIMENSION, aggregate: 'sumCount' },
      postingsFetched: {
        name: 'job_ingestion_fetched',
        dimension: EACH_DIMENSION,
        aggregate: 'sumCount',
      },
      lastSuccessAt: {
        name: 'job_ingestion_last_success',
        dimension: EACH_DIMENSION,
        aggregate: 'maxCount',
      },
    },
    rates: { errorRate: { of: 'errors', over: ['runs'] } },
  },
  queues: {
    description:
      'Bull queues sampled every 5 minutes: jobs waiting, active, delayed and failed (kept) at the bucket’s ' +
      'last sample, and the highest waiting count sampled in the bucket; in total and per queue (`waiting.mail`)',
    values: {
      waiting: { name: 'queue_waiting', dimension: EACH_DIMENSION, aggregate: 'lastCount' },
      peakWaiting: {
        name: 'queue_waiting_peak',
        dimension: EACH_DIMENSION,
        aggregate: 'maxCount',
      },
      active: { name: 'queue_active', dimension: EACH_DIMENSION, aggregate: 'lastCount' },
      delayed: { name: 'queue_delayed', dimension: EACH_DIMENSION, aggregate: 'lastCount' },
      failed: { name: 'queue_failed', dimension: EACH_DIMENSION, aggregate: 'lastCount' },
    },
  },
  security: {
    description:
      'Security events recorded by identity and the API guards: failed sign-ins, lockouts, failed 2FA codes, ' +
      'sign-ins from new devices, reused refresh tokens, API-key denials (unknown keys and missing scopes)',
    values: {
      failedLogins: { name: 'security_events', dimension: 'failed_logins', aggregate: 'sumCount' },
      lockouts: { name: 'security_events', dimension: 'lockouts', aggregate: 'sumCount' },
      twoFactorFailures: {
        name: 'security_events',
        dimension: 'two_factor_failures',
        aggregate: 'sumCount',
      },
      newDeviceSignIns: {
        name: 'security_events',
        dimension: 'new_device_sign_ins',
        aggregate: 'sumCount',
      },
      refreshTokenReuse: {
        name: 'security_events',
        dimension: 'refresh_token_reuse',
        aggregate: 'sumCount',
      },
      apiKeyDenials: {
        name: 'security_events',
        dimension: 'api_key_denials',
        aggregate: 'sumCount',
      },
    },
  },
} as const satisfies Record<
  string,
  {
    description: string;
    values: Record<string, SeriesValue>;
    rates?: Record<string, SeriesRate>;
  }
>;

export type DashboardSeriesName = keyof typeof DASHBOARD_SERIES;
export const DASHBOARD_SERIES_NAMES = Object.keys(DASHBOARD_SERIES) as DashboardSeriesName[];

/** The first day (`YYYY-MM-DD`) of the bucket holding `day`; weeks start on Monday (ISO). */
export function bucketStart(day: string, interval: DashboardInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Every bucket start from `from`'s bucket to `to`'s, in order. */
export function bucketsBetween(from: string, to: string, interval: DashboardInterval): string[] {
  const buckets: string[] = [];
  const date = new Date(`${from}T00:00:00Z`);
  for (let day = from; day <= to;) {
    const bucket = bucketStart(day, interval);
    if (buckets.at(-1) !== bucket) buckets.push(bucket);
    date.setUTCDate(date.getUTCDate() + 1);
    day = date.toISOString().slice(0, 10);
  }
  return buckets;
}
