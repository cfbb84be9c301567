import { Logger } from '@nestjs/common';
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@lib/config';

/** A public key that still verifies tokens signed before a key rotation. */
export interface VerificationKey {
  kid: string;
  publicKeyPem: string;
}

/** Key material the app signs tokens and encrypts personal data with. */
export class Secrets {
  constructor(
    readonly jwtPrivateKeyPem: string,
    readonly jwtPublicKeyPem: string,
    readonly jwtKeyId: string,
    readonly dataEncryptionKey: Buffer,
    /** Keys of earlier rotations, kept until the last token they signed has expired. */
    readonly jwtPreviousKeys: VerificationKey[] = [],
    /** HMAC key of the audit chain; the database never sees it. */
    readonly auditChainKey: Buffer = randomBytes(32),
  ) {}
}

/**
 * Reads keys from the environment; outside production, generates missing ones
 * once into DATA_DIR/keys (and says so loudly) so that a fresh machine boots.
 */
export function loadSecrets(config: AppConfig): Secrets {
  const env = config.env;
  const dir = join(env.DATA_DIR, 'keys');
  const logger = new Logger('Secrets');

  let privatePem = env.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n');
  let publicPem = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
  if (!privatePem || !publicPem) {
    if (config.isProduction) throw new Error('JWT keys are required in production');
    ({ privatePem, publicPem } = localKeyPair(dir, logger));
  }
  const keyId = env.JWT_KEY_ID ?? keyIdOf(publicPem);

  let dataKey = env.DATA_ENCRYPTION_KEY;
  if (!dataKey) {
    if (config.isProduction) throw new Error('DATA_ENCRYPTION_KEY is required in production');
    dataKey = localFile(
      dir,
      'data-encryption.key',
      () => randomBytes(32).toString('base64'),
      logger,
    );
  }
  let chainKey = env.AUDIT_CHAIN_KEY;
  if (!chainKey) {
    if (config.isProduction) throw new Error('AUDIT_CHAIN_KEY is required in production');
    chainKey = localFile(dir, 'audit-chain.key', () => randomBytes(32).toString('base64'), logger);
  }
  return new Secrets(
    privatePem,
    publicPem,
    keyId,
    Buffer.from(dataKey.trim(), 'base64'),
    previousKeys(env.JWT_PREVIOUS_PUBLIC_KEYS).filter((key) => key.kid !== keyId),
    Buffer.from(chainKey.trim(), 'base64'),
  );
}

/**
 * The default `kid` of a public key, from its DER bytes: every replica derives
 * the same one, however the PEM was wrapped or padded.
 */
export function keyIdOf(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}

/**
 * `JWT_PREVIOUS_PUBLIC_KEYS`: either SPKI PEM blocks one after another (each
 * `kid` derived as for the current key) or a JSON array of `{kid, publicKey}`.
 */
function previousKeys(value: string | undefined): VerificationKey[] {
  if (!value?.trim()) return [];
  const text = value.replace(/\\n/g, '\n').trim();
  if (text.startsWith('[')) {
    return (JSON.parse(text) as { kid: string; publicKey: string }[]).map((key) => ({
      kid: key.kid,
      publicKeyPem: key.publicKey,
    }));
  }
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((pem) => ({ kid: keyIdOf(pem), publicKeyPem: `${pem}\n` }));
}

function localKeyPair(dir: string, logger: Logger): { privatePem: string; publicPem: string } {
  let generated: { privateKey: string; publicKey: string } | undefined;
  const generate = () =>
    (generated ??= generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }));
  const privatePem = localFile(dir, 'jwt-private.pem', () => generate().privateKey, logger);
  const publicPem = localFile(dir, 'jwt-public.pem', () => generate().publicKey, logger);
  return { privatePem, publicPem };
}

function localFile(dir: string, name: string, create: () => string, logger: Logger): string {
  const path = join(dir, name);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const value = create();
  try {
    writeFileSync(path, value, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw error;
  }
  logger.warn(`Generated ${path} for local use. Set it in the environment for real deployments.`);
  return value;
}

/** VAPID keys of Web Push (base64url P-256), and the contact push services see. */
export interface VapidKeyPair {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * VAPID keys from the environment; outside production, generated once into
 * DATA_DIR/keys like the JWT keys (browsers subscribe with the public key, so
 * it must stay the same across restarts and replicas sharing DATA_DIR).
 */
export function loadVapidKeys(
  config: AppConfig,
  generate: () => { publicKey: string; privateKey: string },
): VapidKeyPair {
  const env = config.env;
  const subject = env.VAPID_SUBJECT ?? `mailto:${env.ADMIN_EMAIL}`;
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  }
  if (config.isProduction)
    throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production');
  // One file for both halves, so two processes booting at once cannot mix two pairs.
  const stored = localFile(
    join(env.DATA_DIR, 'keys'),
    'vapid-keys.json',
    () => JSON.stringify(generate()),
    new Logger('Secrets'),
  );
  const { publicKey, privateKey } = JSON.parse(stored) as { publicKey: string; privateKey: string };
  return { publicKey, privateKey, subject };
}
