import { randomBytes } from 'node:crypto';

/**
 * Accounts created through OAuth have no password. Their hash is a random
 * string starting with `!`, which bcrypt never matches (it is not a bcrypt
 * hash), and which marks the account as having no usable password until the
 * owner sets one with a password reset.
 */
const UNUSABLE_PREFIX = '!';

export function unusablePasswordHash(): string {
  return `${UNUSABLE_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hasUsablePassword(passwordHash: string | undefined | null): boolean {
  return (
    typeof passwordHash === 'string' &&
    passwordHash !== '' &&
    !passwordHash.startsWith(UNUSABLE_PREFIX)
  );
}
