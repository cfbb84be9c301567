import type { Scenario } from '../scenario';

/**
 * Memory and boot: API and worker in one process (`APP_ROLE=all`) as deployed
 * small, before any PDF (Chromium starts on the first render). The runner
 * records boot to ready and the idle RSS for every scenario; this one adds
 * only a light probe so the figures are of an idle process. Targets: idle RSS
 * ≤ 200 MB, boot ≤ 3 s on a migrated database.
 */
const rss: Scenario = {
  name: 'rss',
  description:
    'API + worker in one process (APP_ROLE=all), idle before the first PDF: boot to ready and resident memory (targets ≤ 3 s, ≤ 200 MB), then a light probe of GET /health/live.',
  apiEnv: { APP_ROLE: 'all' },
  load: { connections: 1, durationSeconds: 2, warmupSeconds: 0 },
  prepare({ apiUrl }) {
    return [{ name: 'probe', url: `${apiUrl}/health/live` }];
  },
};

export default rss;
