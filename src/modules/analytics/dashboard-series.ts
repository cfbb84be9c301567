/** How a value of a bucket is made from the rollup rows of its days. */
type Aggregate =
  | 'sumCount' // events in the bucket
  | 'sumUsers' // daily distinct users, added up (a user on two days counts twice)
  | 'avgUsers' // average daily distinct users
  | 'lastCount' // the value of the bucket's last day (snapshots, rolling windows)
  | 'lastUsers';

export interface SeriesValue {
  name: string;
  dimension: string;
  aggregate: Aggregate;
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
      'Users who started a checkout and users whose upgrade completed (daily distinct, summed)',
    values: {
      started: { name: 'plan_upgrade_started', dimension: '', aggregate: 'sumUsers' },
      completed: { name: 'plan_upgrade_completed', dimension: '', aggregate: 'sumUsers' },
    },
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
    description: 'Accounts connected, posts scheduled and posts published',
    values: {
      accountsConnected: { name: 'social_account_connected', dimension: '', aggregate: 'sumCount' },
      scheduled: { name: 'social_post_scheduled', dimension: '', aggregate: 'sumCount' },
      published: { name: 'social_post_published', dimension: '', aggregate: 'sumCount' },
    },
  },
  'ai-usage': {
    description: 'AI enhancements of CVs and the users who made them',
    values: {
      enhancements: { name: 'cv_enhanced_ai', dimension: '', aggregate: 'sumCount' },
      users: { name: 'cv_enhanced_ai', dimension: '', aggregate: 'sumUsers' },
    },
  },
} as const satisfies Record<string, { description: string; values: Record<string, SeriesValue> }>;

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
