import { AppConfig, ConfigError, loadConfig, productionWarnings } from './load-config';

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

  it('picks the billing driver: Stripe with a key, local without one, never local in production', () => {
    expect(loadConfig({}).billingDriver).toBe('local');
    expect(loadConfig({ BILLING_DRIVER: 'off' }).billingDriver).toBeUndefined();
    const stripe = {
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
      STRIPE_PRO_PRICE_ID: 'price_pro',
      STRIPE_PREMIUM_PRICE_ID: 'price_premium',
    };
    expect(loadConfig(stripe).billingDriver).toBe('stripe');
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required when billing uses Stripe/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', BILLING_DRIVER: 'local' })).toThrow(
      /BILLING_DRIVER: local is refused in production/,
    );
    expect(
      new AppConfig({ ...loadConfig({}).env, NODE_ENV: 'production' }).billingDriver,
    ).toBeUndefined();
  });

  it('runs the social sandbox by default outside production and refuses it in production', () => {
    expect(loadConfig({}).socialSandbox).toBe(true);
    expect(loadConfig({ SOCIAL_SANDBOX: 'false' }).socialSandbox).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SOCIAL_SANDBOX: 'true' })).toThrow(
      /SOCIAL_SANDBOX: refused in production/,
    );
    expect(new AppConfig({ ...loadConfig({}).env, NODE_ENV: 'production' }).socialSandbox).toBe(
      false,
    );
  });

  it('refuses to run in production on generated secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_PRIVATE_KEY: required in production[\s\S]*DATA_ENCRYPTION_KEY/,
    );
  });

  it('never lets production fetch OAuth pictures from private hosts', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', OAUTH_PICTURE_PRIVATE_HOSTS: '127.0.0.1' }),
    ).toThrow(/OAUTH_PICTURE_PRIVATE_HOSTS is for tests/);
    expect(loadConfig({ OAUTH_PICTURE_PRIVATE_HOSTS: '127.0.0.1, fake' }).env).toMatchObject({
      OAUTH_PICTURE_PRIVATE_HOSTS: ['127.0.0.1', 'fake'],
    });
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
    VAPID_PUBLIC_KEY: 'vapid-public',
    VAPID_PRIVATE_KEY: 'vapid-private',
    VAPID_SUBJECT: 'mailto:ops@example.com',
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

  it('refuses production without VAPID keys and subject, and half-configured push anywhere', () => {
    expect(() =>
      loadConfig({ ...production, VAPID_PUBLIC_KEY: '', VAPID_PRIVATE_KEY: '' }),
    ).toThrow(/VAPID_PUBLIC_KEY: required in production/);
    expect(() => loadConfig({ ...production, VAPID_SUBJECT: '' })).toThrow(
      /VAPID_SUBJECT: required in production/,
    );
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'x' })).toThrow(/set both or neither/);
    expect(() => loadConfig({ FIREBASE_PROJECT_ID: 'p' })).toThrow(/set all three or none/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'ops@example.com' })).toThrow(/mailto: or https:/);
    expect(() => loadConfig({ RESEND_WEBHOOK_SECRET: 'secret' })).toThrow(/whsec_/);
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
