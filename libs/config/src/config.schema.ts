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

  // Virus scanning of uploads. `none` exists for machines without clamd and is refused in production.
  AV_SCAN_DRIVER: z.enum(['clamd', 'none']).default('clamd'),
  CLAMD_HOST: z.string().default('127.0.0.1'),
  CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).default(60000),

  // Upload processing jobs: a scanner outage is retried with capped exponential backoff.
  FILES_JOB_ATTEMPTS: z.coerce.number().int().min(1).default(40),
  FILES_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(1).default(300000),
  FFMPEG_PATH: z.string().default('/usr/bin/ffmpeg'),

  // Observability: OpenTelemetry traces over OTLP/HTTP and Sentry error reports, each off when unset.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).default('career-tools-api'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  SENTRY_DSN: optionalUrl,
  SENTRY_ENVIRONMENT: optionalString,
});

export type Env = z.infer<typeof envSchema>;
