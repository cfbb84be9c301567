import { z } from 'zod';
import { envSchema, type Env } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws one error listing every bad or missing variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${describe(issue)}`),
    );
  }
  const env = result.data;
  const problems = crossFieldProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig(env);
}

function describe(issue: z.core.$ZodIssue): string {
  return issue.message;
}

function crossFieldProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.MAIL_DRIVER === 'smtp' && !env.SMTP_URL) {
    problems.push('SMTP_URL: required when MAIL_DRIVER=smtp');
  }
  if (env.MAIL_DRIVER === 'resend' && !env.RESEND_API_KEY) {
    problems.push('RESEND_API_KEY: required when MAIL_DRIVER=resend');
  }
  if (env.AI_DRIVER === 'openai' && !env.OPENAI_API_KEY) {
    problems.push('OPENAI_API_KEY: required when AI_DRIVER=openai');
  }
  if (Boolean(env.GA_MEASUREMENT_ID) !== Boolean(env.GA_API_SECRET)) {
    problems.push('GA_MEASUREMENT_ID, GA_API_SECRET: set both (GA4 forwarding) or neither');
  }
  if (Boolean(env.JWT_PRIVATE_KEY) !== Boolean(env.JWT_PUBLIC_KEY)) {
    problems.push('JWT_PRIVATE_KEY, JWT_PUBLIC_KEY: set both or neither');
  }
  if (env.STORAGE_DRIVER === 's3' && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3');
  }
  const firebase = [env.FIREBASE_PROJECT_ID, env.FIREBASE_CLIENT_EMAIL, env.FIREBASE_PRIVATE_KEY];
  if (firebase.some(Boolean) && !firebase.every(Boolean)) {
    problems.push(
      'FIREBASE_PROJECT_ID, FIREBASE_CLIENT_EMAIL, FIREBASE_PRIVATE_KEY: set all three or none',
    );
  }
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither');
  }
  if (env.BILLING_DRIVER === 'stripe' && !env.STRIPE_SECRET_KEY) {
    problems.push('STRIPE_SECRET_KEY: required when BILLING_DRIVER=stripe');
  }
  if ((env.BILLING_DRIVER ?? (env.STRIPE_SECRET_KEY ? 'stripe' : undefined)) === 'stripe') {
    for (const name of [
      'STRIPE_WEBHOOK_SECRET',
      'STRIPE_PRO_PRICE_ID',
      'STRIPE_PREMIUM_PRICE_ID',
    ] as const) {
      if (!env[name]) problems.push(`${name}: required when billing uses Stripe`);
    }
  }
  if (env.NODE_ENV === 'production') {
    if (env.OAUTH_PICTURE_PRIVATE_HOSTS.length > 0) {
      problems.push('OAUTH_PICTURE_PRIVATE_HOSTS is for tests and refused in production (SSRF)');
    }
    if (env.AV_SCAN_DRIVER === 'none') {
      problems.push('AV_SCAN_DRIVER: none is refused in production (uploads would go unscanned)');
    }
    if (env.MAIL_DRIVER === 'outbox' && !env.MAIL_OUTBOX_IN_PRODUCTION) {
      problems.push(
        'MAIL_DRIVER: outbox is refused in production (mail would be stored, not sent); ' +
          'set MAIL_OUTBOX_IN_PRODUCTION=true if that is intended',
      );
    }
    if (!env.METRICS_TOKEN) {
      problems.push('METRICS_TOKEN: required in production (/metrics would be public)');
    }
    if (!env.JWT_PRIVATE_KEY) problems.push('JWT_PRIVATE_KEY: required in production');
    if (!env.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: required in production');
    if (!env.AUDIT_CHAIN_KEY) problems.push('AUDIT_CHAIN_KEY: required in production');
    if (!env.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD: required in production');
    if (!env.VAPID_PUBLIC_KEY) problems.push('VAPID_PUBLIC_KEY: required in production');
    if (!env.VAPID_SUBJECT) problems.push('VAPID_SUBJECT: required in production');
    if (env.BILLING_DRIVER === 'local') {
      problems.push(
        'BILLING_DRIVER: local is refused in production (anyone could upgrade for free)',
      );
    }
    if (env.SOCIAL_SANDBOX === true) {
      problems.push('SOCIAL_SANDBOX: refused in production (posts would go nowhere)');
    }
    if (env.BCRYPT_COST < 12) problems.push('BCRYPT_COST: must be at least 12 in production');
  }
  return problems;
}

/**
 * Settings production accepts but an operator should see at every boot: each
 * one keeps a feature working in a way that is not what users expect.
 */
export function productionWarnings(config: AppConfig): string[] {
  if (!config.isProduction) return [];
  const warnings: string[] = [];
  if (config.env.MAIL_DRIVER === 'outbox') {
    warnings.push(
      'MAIL_DRIVER=outbox in production (MAIL_OUTBOX_IN_PRODUCTION=true): no email leaves ' +
        'this system; verification and password-reset mail wait in GET /v1/admin/outbox',
    );
  }
  if (config.aiDriver === 'local') {
    warnings.push(
      'The local rule-based AI writer serves production: set OPENAI_API_KEY (or AI_DRIVER=openai) ' +
        'for model-written text',
    );
  }
  return warnings;
}

/** Typed, read-only view of the validated environment, grouped by concern. */
export class AppConfig {
  readonly env: Env;
  constructor(env: Env) {
    this.env = Object.freeze({ ...env });
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
  /** AI_DRIVER, or `openai` when an API key is set and `local` otherwise. */
  get aiDriver(): 'openai' | 'local' {
    return this.env.AI_DRIVER ?? (this.env.OPENAI_API_KEY ? 'openai' : 'local');
  }
  /**
   * BILLING_DRIVER, or `stripe` when STRIPE_SECRET_KEY is set, `local` outside production;
   * undefined when billing is not configured (its routes answer 503 billing.not_configured).
   */
  get billingDriver(): 'stripe' | 'local' | undefined {
    const chosen = this.env.BILLING_DRIVER ?? (this.env.STRIPE_SECRET_KEY ? 'stripe' : undefined);
    if (chosen === 'off') return undefined;
    if (chosen) return chosen === 'local' && this.isProduction ? undefined : chosen;
    return this.isProduction ? undefined : 'local';
  }
  /** SOCIAL_SANDBOX, default on outside production; never on in production. */
  get socialSandbox(): boolean {
    return !this.isProduction && (this.env.SOCIAL_SANDBOX ?? true);
  }
  get runsApi(): boolean {
    return this.env.APP_ROLE !== 'worker';
  }
  get runsWorker(): boolean {
    return this.env.APP_ROLE !== 'api';
  }
}
