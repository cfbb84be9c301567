import { availableParallelism } from 'node:os';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalUrl = optionalString.pipe(z.url().optional());

/**
 * Which proxies may set X-Forwarded-For: `false` none, `true` one hop, a number of
 * hops, or a comma-separated list of proxy IPs/CIDRs. Trusting every hop would let a
 * client choose its own address, so Fastify's `true` (trust all) is never produced.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((v, ctx): false | number | string[] => {
    const value = v.trim().toLowerCase();
    if (['false', '0', 'no', ''].includes(value)) return false;
    if (['true', 'yes'].includes(value)) return 1;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const address = /^(?:[0-9.]+|[0-9a-f:.]+)(?:\/\d{1,3})?$|^(?:loopback|linklocal|uniquelocal)$/;
    const bad = entries.filter((entry) => !address.test(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, true, a hop count or proxy IPs/CIDRs (not ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });
const temperature = z.coerce.number().min(0).max(2);
const optionalTemperature = optionalString
  .transform((v) => (v === undefined ? undefined : Number(v)))
  .pipe(z.number().min(0).max(2).optional());
const maxTokens = z.coerce.number().int().min(16).max(128000);

/** `OAUTH_<PROVIDER>_AUTHORIZE_URL`, `_TOKEN_URL`, `_USERINFO_URL`: unset means the real endpoint. */
function oauthEndpointOverrides<P extends string>(providers: readonly P[]) {
  const shape: Record<string, typeof optionalUrl> = {};
  for (const p of providers) {
    for (const e of ['AUTHORIZE', 'TOKEN', 'USERINFO']) shape[`OAUTH_${p}_${e}_URL`] = optionalUrl;
  }
  return shape as Record<
    `OAUTH_${P}_${'AUTHORIZE' | 'TOKEN' | 'USERINFO'}_URL`,
    typeof optionalUrl
  >;
}

/** Every environment variable the application reads. `.env.example` documents them. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  APP_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  API_URL: z.url().default('http://localhost:3000'),
  FRONTEND_URL: z.url().default('http://localhost:5173'),
  CORS_ORIGINS: list,
  TRUST_PROXY: trustProxy,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('.data'),
  /** Bearer token `/metrics` asks for; required in production, `/metrics` is open without it elsewhere. */
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(24, 'must be at least 24 characters').optional(),
  ),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/career_tools'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('ct'),

  ADMIN_EMAIL: z.email().default('admin@career-tools.local'),
  ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(12, 'must be at least 12 characters').optional(),
  ),

  JWT_PRIVATE_KEY: optionalString,
  JWT_PUBLIC_KEY: optionalString,
  JWT_KEY_ID: optionalString,
  /** Public keys of earlier signing keys, still accepted until their tokens expire (rotation). */
  JWT_PREVIOUS_PUBLIC_KEYS: optionalString,
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).default(900),
  JWT_REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).default(604800),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).default(48),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** Change of email: how long the link to the new address works. */
  EMAIL_CHANGE_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  /** Change of email: how long "this wasn't me" blocks new changes. */
  EMAIL_CHANGE_LOCK_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  JWT_ISSUER: z.string().default('career-tools-app'),
  JWT_AUDIENCE: z.string().default('career-tools-users'),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** bcrypt hashes at once; 0 = CPU cores − 1 (at least 1), leaving a core for other requests. */
  BCRYPT_MAX_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(0),
  /** Hashes waiting for a slot; beyond that sign-ins get 503 auth.busy with Retry-After at once. */
  BCRYPT_QUEUE_LIMIT: z.coerce.number().int().min(0).max(10000).default(32),
  /** How long a replica keeps a signed-in user's row; changes drop it everywhere at once. 0 = off. */
  USER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  DATA_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes, base64-encoded')
      .optional(),
  ),

  /** HMAC key of the audit hash chain (32+ bytes base64); never stored in the database. */
  AUDIT_CHAIN_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43,}={0,2}$/, 'must be at least 32 bytes, base64-encoded')
      .optional(),
  ),
  AUDIT_ANCHOR_DRIVER: z.enum(['file', 'storage']).default('file'),
  AUDIT_ANCHOR_DIR: optionalString,
  AUDIT_ANCHOR_INTERVAL_MS: z.coerce.number().int().min(0).default(60000),

  MAIL_DRIVER: z.enum(['outbox', 'smtp', 'resend']).default('outbox'),
  /** The outbox driver sends nothing; production refuses it unless this says it is on purpose. */
  MAIL_OUTBOX_IN_PRODUCTION: bool.default(false),
  FROM_EMAIL: z.string().default('Career Tools <noreply@career-tools.local>'),
  SMTP_URL: optionalString,
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  /** Postal address in every email's footer (CAN-SPAM and similar laws want one on bulk mail). */
  MAIL_POSTAL_ADDRESS: z
    .string()
    .min(1)
    .default('Career Tools, 1 Example Street, 10115 Berlin, Germany'),
  /** Logo at the top of every email; default FRONTEND_URL/logo.png. */
  MAIL_LOGO_URL: optionalUrl,

  /**
   * Newsletter batches (up to 100 emails each) sent per second across all workers; Resend's
   * default team limit is 2 requests per second (transactional mail shares it).
   */
  NEWSLETTER_SEND_RATE: z.coerce.number().min(0.01).max(100).default(2),

  /** Notifications of a type that collapses arrive together when they come within this window. */
  NOTIFICATION_COLLAPSE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Open live streams (SSE) one user may hold; the oldest is closed beyond. */
  NOTIFICATION_STREAM_MAX_PER_USER: z.coerce.number().int().min(1).default(5),
  NOTIFICATION_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(100).default(25000),
  /** Lifetime of a single-use stream ticket (EventSource cannot send an Authorization header). */
  NOTIFICATION_STREAM_TICKET_TTL_SECONDS: z.coerce.number().int().min(5).max(600).default(60),

  // Resend webhooks (svix-signed): bounces and complaints feed the suppression list; unset = 503.
  RESEND_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_<base64>')
      .optional(),
  ),

  // Push: FCM HTTP v1 with a service account (all three or none), Web Push with VAPID keys
  // (generated into DATA_DIR/keys outside production when unset).
  FIREBASE_PROJECT_ID: optionalString,
  FIREBASE_CLIENT_EMAIL: optionalString,
  FIREBASE_PRIVATE_KEY: optionalString,
  FCM_BASE_URL: optionalUrl,
  FIREBASE_TOKEN_URI: z.url().default('https://oauth2.googleapis.com/token'),
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  VAPID_SUBJECT: optionalString.pipe(
    z
      .string()
      .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https: URL')
      .optional(),
  ),
  PUSH_MAX_DEVICES_PER_USER: z.coerce.number().int().min(1).max(100).default(10),
  PUSH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  PUSH_TTL_SECONDS: z.coerce.number().int().min(0).max(2419200).default(86400),
  PUSH_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  PUSH_RETRY_BACKOFF_MS: z.coerce.number().int().min(1).default(10000),

  // Outgoing webhooks (Zapier REST hooks): timeout per attempt, retry schedule after each failure.
  HOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(15000),
  HOOKS_RETRY_DELAYS_MS: z
    .string()
    .default('5000,300000,1800000,7200000,18000000,36000000')
    .transform((v) => v.split(',').map((s) => Number(s.trim())))
    .pipe(z.array(z.number().int().min(1)).min(1).max(20)),
  HOOKS_MAX_PER_USER: z.coerce.number().int().min(1).max(1000).default(25),

  QUEUE_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  QUEUE_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  // Each (event, handler) delivery retries on its own; after the last attempt it is a dead letter.
  EVENT_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  EVENT_DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).default(1000),
  EVENT_DELIVERY_MAX_BACKOFF_MS: z.coerce.number().int().min(1).default(300000),
  // Bull's stalled-job detection: a job whose worker died (kill -9) is retried once its lock,
  // renewed every half lock duration while the worker lives, expired and a stalled check ran.
  QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30000),
  QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30000),

  // OAuth login: a provider without both credentials is disabled. Endpoint overrides exist for tests.
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  LINKEDIN_CLIENT_ID: optionalString,
  LINKEDIN_CLIENT_SECRET: optionalString,
  TWITTER_CLIENT_ID: optionalString,
  TWITTER_CLIENT_SECRET: optionalString,
  FACEBOOK_APP_ID: optionalString,
  FACEBOOK_APP_SECRET: optionalString,
  OAUTH_CALLBACK_BASE_URL: optionalString.pipe(z.url().optional()),
  OAUTH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  ...oauthEndpointOverrides(['GOOGLE', 'LINKEDIN', 'X', 'FACEBOOK']),

  // Social publisher. Without both credentials a network is listed `not_configured`.
  INSTAGRAM_CLIENT_ID: optionalString,
  INSTAGRAM_CLIENT_SECRET: optionalString,
  /** Where networks send users back (…/v1/social/connect/<network>/callback); default the OAuth callback base. */
  SOCIAL_CALLBACK_BASE_URL: optionalUrl,
  // API and authorization base URLs of the networks; unset means the real ones (tests override them).
  LINKEDIN_API_BASE: optionalUrl,
  LINKEDIN_AUTH_BASE: optionalUrl,
  X_API_BASE: optionalUrl,
  X_AUTH_BASE: optionalUrl,
  FACEBOOK_GRAPH_BASE: optionalUrl,
  FACEBOOK_AUTH_BASE: optionalUrl,
  INSTAGRAM_GRAPH_BASE: optionalUrl,
  INSTAGRAM_AUTH_BASE: optionalUrl,
  /** The `sandbox` network (connects without credentials); default on outside production, refused in it. */
  SOCIAL_SANDBOX: optionalString.pipe(bool.optional()),
  /** Worker replicas refresh tokens and collect metrics on this interval (tests turn it off or shorten it). */
  SOCIAL_SCHEDULE: bool.default(true),
  SOCIAL_SCHEDULE_INTERVAL_MS: z.coerce.number().int().min(200).default(900_000),
  /** Tokens expiring within this are refreshed by the scheduled job. */
  SOCIAL_REFRESH_AHEAD_MS: z.coerce.number().int().min(0).default(1_800_000),
  /** After a create call timed out, the target is checked against the network's recent posts this much later. */
  SOCIAL_CONFIRM_DELAY_MS: z.coerce.number().int().min(0).default(60_000),
  /** Metrics are collected for posts published within this many days. */
  SOCIAL_METRICS_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Deadline of one call to a network; a create without an answer by then becomes `unconfirmed`. */
  SOCIAL_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Between two reads of an Instagram media container's status while Instagram fetches the media. */
  SOCIAL_INSTAGRAM_POLL_MS: z.coerce.number().int().min(10).default(2_000),

  // AI writer: OpenAI or any OpenAI-compatible endpoint; the local rule-based writer without a key.
  AI_DRIVER: optionalString.pipe(z.enum(['openai', 'local']).optional()),
  OPENAI_API_KEY: optionalString,
  OPENAI_ORG_ID: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
  AI_DEADLINE_MS: z.coerce.number().int().min(100).default(60000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  AI_MAX_RETRY_WAIT_MS: z.coerce.number().int().min(0).default(10000),
  AI_TOKEN_LIMIT_PARAMETER: z
    .enum(['max_completion_tokens', 'max_tokens'])
    .default('max_completion_tokens'),
  AI_MODEL_ENHANCE: z.string().min(1).default('gpt-4o'),
  AI_MAX_TOKENS_ENHANCE: maxTokens.default(2000),
  AI_TEMPERATURE_ENHANCE: temperature.default(0.7),
  AI_MODEL_SKILLS: z.string().min(1).default('gpt-4o-mini'),
  AI_MAX_TOKENS_SKILLS: maxTokens.default(500),
  AI_TEMPERATURE_SKILLS: optionalTemperature,
  AI_MODEL_COVER_LETTER: z.string().min(1).default('gpt-4o'),
  AI_MAX_TOKENS_COVER_LETTER: maxTokens.default(1500),
  AI_TEMPERATURE_COVER_LETTER: optionalTemperature,
  AI_MODEL_PARSE: z.string().min(1).default('gpt-4o-mini'),
  AI_MAX_TOKENS_PARSE: maxTokens.default(4000),
  AI_TEMPERATURE_PARSE: temperature.default(0),

  PUPPETEER_EXECUTABLE_PATH: z.string().default('/usr/bin/chromium'),
  // Pages rendering at once in the one browser: about the number of cores (more add latency, not throughput).
  PDF_POOL_SIZE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(32).default(availableParallelism()),
  ),
  PDF_GENERATION_TIMEOUT: z.coerce.number().int().min(1000).default(30000),
  PDF_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  PDF_MAX_QUEUE: z.coerce.number().int().min(0).default(200),
  // Chromium starts on the first render and is closed after this long without one (0 = never).
  PDF_BROWSER_IDLE_MS: z.coerce.number().int().min(0).default(300_000),
  // Attempts of a queued CV export (a busy or restarting renderer is retried with backoff).
  CV_EXPORT_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  // GDPR data exports: how long the ZIP (and its emailed signed link) lives; S3 signs 7 days at most.
  DATA_EXPORT_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(72),

  // Object storage: local disk under DATA_DIR/storage, or any S3-compatible service.
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_SIGNED_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(300),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_BUCKET_PREFIX: z.string().default(''),
  S3_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
  CDN_URL: optionalUrl,
  /**
   * Test only (refused in production): hosts an OAuth profile picture may be fetched from
   * although they resolve to private or loopback addresses (a fake provider on 127.0.0.1).
   */
  OAUTH_PICTURE_PRIVATE_HOSTS: list,

  // Virus scanning of uploads. `none` exists for machines without clamd and is refused in production.
  AV_SCAN_DRIVER: z.enum(['clamd', 'none']).default('clamd'),
  CLAMD_HOST: z.string().default('127.0.0.1'),
  CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).default(60000),

  // Upload processing jobs: a scanner outage is retried with capped exponential backoff.
  FILES_JOB_ATTEMPTS: z.coerce.number().int().min(1).default(40),
  FILES_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(1).default(300000),
  FFMPEG_PATH: z.string().default('/usr/bin/ffmpeg'),

  // Billing: Stripe when STRIPE_SECRET_KEY is set, else the local driver (refused in production).
  BILLING_DRIVER: optionalString.pipe(z.enum(['stripe', 'local', 'off']).optional()),
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_PUBLISHABLE_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRO_PRICE_ID: optionalString,
  STRIPE_PREMIUM_PRICE_ID: optionalString,
  STRIPE_PRO_YEARLY_PRICE_ID: optionalString,
  STRIPE_PREMIUM_YEARLY_PRICE_ID: optionalString,
  STRIPE_AI_CREDITS_PRICE_ID: optionalString,
  /** AI credits one pack of STRIPE_AI_CREDITS_PRICE_ID adds, and its price (cents) shown in /v1/plans. */
  BILLING_AI_CREDITS_PER_PACK: z.coerce.number().int().min(1).default(100),
  BILLING_AI_CREDITS_PACK_CENTS: z.coerce.number().int().min(0).default(999),
  /** Yearly prices shown in /v1/plans (cents) when the yearly price ids are set. */
  BILLING_PRO_YEARLY_CENTS: z.coerce.number().int().min(0).default(29990),
  BILLING_PREMIUM_YEARLY_CENTS: z.coerce.number().int().min(0).default(49990),
  /** Base URL of a Stripe-compatible server (tests); unset means api.stripe.com. */
  STRIPE_API_BASE: optionalUrl,
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /**
   * A subscription event's job waits this long: its sync then covers the subscription's other
   * events received meanwhile (a burst, or 200 updates a second, costs one fetch per wait).
   */
  BILLING_SUBSCRIPTION_SYNC_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(250),
  // Job aggregator. JOB_SOURCES: which sources ingest (empty = `sample` outside production, none in it).
  JOB_SOURCES: list,
  JOB_SAMPLE_SEED: z.coerce.number().int().min(0).default(42),
  JOB_SAMPLE_COUNT: z.coerce.number().int().min(0).max(100000).default(3000),
  JOB_SOURCE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  // Search facets count the first this many matches found (past it, counts are lower bounds).
  JOB_FACET_SAMPLE: z.coerce.number().int().min(10).max(100000).default(1000),
  JOB_INGEST_MAX_POSTINGS: z.coerce.number().int().min(1).default(5000),
  JOB_INGEST_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(4),
  // Scheduled ingestion on worker replicas (tests turn it off and trigger runs through the admin route).
  JOB_INGEST_SCHEDULE: bool.default(true),
  // Job alerts: worker replicas tick every 5 minutes (once across replicas) and mail due digests.
  JOB_ALERT_SCHEDULE: bool.default(true),
  // Jobs first seen this recently wait for the next digest: an ingestion run stamps its postings
  // with its start time, so a run still committing must not slip under an advanced watermark.
  JOB_ALERT_SETTLE_SECONDS: z.coerce.number().int().min(0).max(86400).default(900),
  REMOTEOK_BASE_URL: optionalUrl,
  REMOTIVE_BASE_URL: optionalUrl,
  ARBEITNOW_BASE_URL: optionalUrl,
  ADZUNA_BASE_URL: optionalUrl,
  USAJOBS_BASE_URL: optionalUrl,
  THE_MUSE_BASE_URL: optionalUrl,
  HIMALAYAS_BASE_URL: optionalUrl,
  GREENHOUSE_BASE_URL: optionalUrl,
  LEVER_BASE_URL: optionalUrl,
  ASHBY_BASE_URL: optionalUrl,
  ADZUNA_COUNTRIES: z
    .string()
    .default('gb')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ADZUNA_APP_ID: optionalString,
  ADZUNA_APP_KEY: optionalString,
  USAJOBS_API_KEY: optionalString,
  USAJOBS_USER_AGENT: optionalString,
  THE_MUSE_API_KEY: optionalString,
  GREENHOUSE_BOARDS: list,
  LEVER_SITES: list,
  ASHBY_BOARDS: list,

  // Blog. Public URLs (canonicals, sitemaps, feeds) are built on FRONTEND_URL, which proxies the SEO files.
  BLOG_SITE_NAME: z.string().min(1).default('Career Tools'),
  /** Publisher logo in JSON-LD; default FRONTEND_URL/logo.png. */
  BLOG_PUBLISHER_LOGO_URL: optionalUrl,
  /** Words that hold a comment as spam (comma-separated, case-insensitive). */
  BLOG_COMMENT_BLOCKLIST: list,
  /** A comment with more links than this is held as spam. */
  BLOG_COMMENT_MAX_LINKS: z.coerce.number().int().min(0).default(2),
  /** Keep an erased account's comment text under "deleted user" (true) or blank it (false). */
  BLOG_KEEP_ERASED_COMMENTS: bool.default(true),
  /** Worker replicas publish due scheduled posts every minute and flush view counters (tests turn it off). */
  BLOG_SCHEDULE: bool.default(true),

  // Observability: OpenTelemetry traces over OTLP/HTTP and Sentry error reports, each off when unset.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).default('career-tools-api'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  SENTRY_DSN: optionalUrl,
  SENTRY_ENVIRONMENT: optionalString,

  // Analytics: GA4 forwarding only when both are set; raw events kept this many months.
  GA_MEASUREMENT_ID: optionalString,
  GA_API_SECRET: optionalString,
  GA_BASE_URL: optionalUrl,
  ANALYTICS_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(25),
  /** `model=inputUsd:outputUsd` per million tokens, comma-separated: the dashboard's AI cost estimate. */
  AI_MODEL_PRICES: z
    .string()
    .default('gpt-4o=2.5:10,gpt-4o-mini=0.15:0.6,rules-v1=0:0')
    .transform((v, ctx): Record<string, { input: number; output: number }> => {
      const prices: Record<string, { input: number; output: number }> = {};
      for (const entry of v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const match = /^([^=\s]+)=(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(entry);
        if (!match) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is not model=input:output (USD per million tokens)`,
          });
          return z.NEVER;
        }
        prices[match[1]] = { input: Number(match[2]), output: Number(match[3]) };
      }
      return prices;
    }),
});

export type Env = z.infer<typeof envSchema>;
