/** Environment for test apps: fast bcrypt, quiet logs, short backoffs, no inherited settings. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    APP_ROLE: 'all',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: '.data/test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    BCRYPT_COST: '4',
    ADMIN_EMAIL: 'admin@career-tools.test',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    QUEUE_BACKOFF_MS: '50',
    QUEUE_ATTEMPTS: '3',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    EVENT_DELIVERY_BACKOFF_MS: '50',
    JOB_INGEST_SCHEDULE: 'false',
    JOB_ALERT_SCHEDULE: 'false',
    BLOG_SCHEDULE: 'false',
    ...overrides,
  };
}
