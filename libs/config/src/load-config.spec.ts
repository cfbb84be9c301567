import { ConfigError, loadConfig, productionWarnings } from './load-config';

describe('loadConfig', () => {
  it('boots with zero configuration using local defaults', () => {
    const config = loadConfig({});
    expect(config.env.APP_ROLE).toBe('all');
    expect(config.env.PORT).toBe(3000);
    expect(config.env.MAIL_DRIVER).toBe('outbox');
    expect(config.runsApi && config.runsWorker).toBe(true);
  });

  it('lists every bad or missing variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        APP_ROLE: 'cron',
        MAIL_DRIVER: 'resend',
        DATABASE_URL: 'mysql://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^APP_ROLE:/m);
    expect(problems).toMatch(/^DATABASE_URL: must be a postgres/m);
  });

  it('reports cross-field problems such as a driver without its credentials', () => {
    expect(() => loadConfig({ MAIL_DRIVER: 'resend' })).toThrow(/RESEND_API_KEY: required/);
  });

  it('refuses to run in production on generated secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_PRIVATE_KEY: required in production[\s\S]*DATA_ENCRYPTION_KEY/,
    );
  });

  it('never lets production skip virus scanning', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AV_SCAN_DRIVER: 'none' })).toThrow(
      /AV_SCAN_DRIVER: none is refused in production/,
    );
    expect(loadConfig({ AV_SCAN_DRIVER: 'none' }).env.AV_SCAN_DRIVER).toBe('none');
    expect(loadConfig({}).env.AV_SCAN_DRIVER).toBe('clamd');
  });

  /** Everything production requires, so that one test can vary one setting. */
  const production = {
    NODE_ENV: 'production',
    JWT_PRIVATE_KEY: 'private',
    JWT_PUBLIC_KEY: 'public',
    DATA_ENCRYPTION_KEY: `${'A'.repeat(43)}=`,
    AUDIT_CHAIN_KEY: `${'B'.repeat(43)}=`,
    ADMIN_PASSWORD: 'a-long-admin-password',
    MAIL_DRIVER: 'resend',
    RESEND_API_KEY: 're_x',
    METRICS_TOKEN: 'm'.repeat(24),
    OPENAI_API_KEY: 'sk-x',
  };

  it('boots in production with everything it requires', () => {
    expect(loadConfig(production).isProduction).toBe(true);
  });

  it('refuses the outbox mail driver in production unless it is explicitly intended', () => {
    const outbox = { ...production, MAIL_DRIVER: 'outbox' };
    expect(() => loadConfig(outbox)).toThrow(/MAIL_DRIVER: outbox is refused in production/);
    const intended = loadConfig({ ...outbox, MAIL_OUTBOX_IN_PRODUCTION: 'true' });
    expect(productionWarnings(intended)).toEqual([expect.stringMatching(/^MAIL_DRIVER=outbox/)]);
    expect(loadConfig({}).env.MAIL_DRIVER).toBe('outbox');
  });

  it('refuses production without a metrics token, and a short one anywhere', () => {
    expect(() => loadConfig({ ...production, METRICS_TOKEN: '' })).toThrow(
      /METRICS_TOKEN: required in production/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least/);
    expect(loadConfig({}).env.METRICS_TOKEN).toBeUndefined();
  });

  it('warns when production runs the local AI writer, and only then', () => {
    expect(productionWarnings(loadConfig({ ...production, AI_DRIVER: 'local' }))).toEqual([
      expect.stringMatching(/local rule-based AI writer serves production/),
    ]);
    expect(productionWarnings(loadConfig(production))).toEqual([]);
    expect(productionWarnings(loadConfig({}))).toEqual([]);
  });

  it('needs credentials for the S3 storage driver', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET/);
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never "trust every hop"', () => {
    const trust = (value?: string) =>
      loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).env.TRUST_PROXY;
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(
      /TRUST_PROXY: must be false, true/,
    );
  });
});
