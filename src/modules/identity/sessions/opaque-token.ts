import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret (256 bits) with a prefix that tells what it is. */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Stored form of an opaque token: high-entropy secrets need no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
