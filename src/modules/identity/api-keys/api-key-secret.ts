import { createHash, randomBytes } from 'node:crypto';

/** `ctk_<8 hex public prefix>_<32 random bytes, base64url>`. */
const FORMAT = /^ctk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKeySecret {
  secret: string;
  /** `ctk_<8 hex>`: public, shown in lists to tell keys apart. */
  prefix: string;
  hash: string;
}

export function generateApiKeySecret(): GeneratedApiKeySecret {
  const prefix = `ctk_${randomBytes(4).toString('hex')}`;
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: hashApiKeySecret(secret) };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith('ctk_');
}

/** The hash to look the key up by, or undefined when the value cannot be a key we issued. */
export function lookupHashOf(presented: string): string | undefined {
  return FORMAT.test(presented) ? hashApiKeySecret(presented) : undefined;
}

function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
