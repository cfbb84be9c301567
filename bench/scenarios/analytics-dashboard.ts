import { Client } from 'pg';
import { ANALYTICS_SEED, seedAnalytics } from '../lib/analytics-seed';
import { registerBenchUser } from '../lib/accounts';
import type { Scenario, Target } from '../scenario';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/career_tools_bench';

const SERIES = [
  'signups',
  'active-users',
  'activation-funnel',
  'upgrade-funnel',
  'revenue',
  'job-activity',
  'social-publishing',
  'ai-usage',
  'ai-cost',
  'job-ingestion',
  'queues',
  'security',
];

/**
 * The admin dashboard at 1,000,000 raw events (365 days, rolled up by the app's
 * own rollup code): every series over a full year by day (365 points), plus the
 * signups series by week and by month. Each request is one query on the rollups.
 * Goal: p95 ≤ 50 ms per series.
 */
const analyticsDashboard: Scenario = {
  name: 'analytics-dashboard',
  description: `GET /v1/admin/dashboard/{series} over ${ANALYTICS_SEED.days} days at ${ANALYTICS_SEED.events.toLocaleString('en')} raw events (read from daily rollups); goal p95 ≤ 50 ms per series.`,
  load: { connections: 4, durationSeconds: 5, warmupSeconds: 1 },
  async prepare({ apiUrl }) {
    await seedAnalytics(DATABASE_URL);
    const token = await registerBenchUser(apiUrl);
    const { sub: userId } = JSON.parse(
      Buffer.from(token.split('.')[1], 'base64url').toString(),
    ) as { sub: string };
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`update users set role = 'admin' where id = $1`, [userId]);
    await client.end();
    const headers = { authorization: `Bearer ${token}` };
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - (ANALYTICS_SEED.days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const url = (series: string, interval = 'day') =>
      `${apiUrl}/v1/admin/dashboard/${series}?from=${from}&to=${to}&interval=${interval}`;
    // The user cache keeps the old role up to USER_CACHE_TTL_MS: wait until the promotion shows.
    for (let attempt = 0; ; attempt += 1) {
      const probe = await fetch(url('signups'), { headers });
      if (probe.status === 200) break;
      if (attempt > 30) throw new Error(`dashboard answered ${probe.status}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const targets: Target[] = SERIES.map((series) => ({
      name: series,
      url: url(series),
      request: { headers },
    }));
    targets.push(
      { name: 'signups-week', url: url('signups', 'week'), request: { headers } },
      { name: 'signups-month', url: url('signups', 'month'), request: { headers } },
    );
    return targets;
  },
};

export default analyticsDashboard;
