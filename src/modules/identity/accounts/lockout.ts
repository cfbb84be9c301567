import type { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import { identityProblems } from '../identity.problems';

/**
 * How many wrong secrets in a row (passwords, current passwords, second-factor
 * codes) lock an account, and for how long: LOGIN_MAX_FAILURES / LOGIN_LOCK_SECONDS.
 */
export function lockoutPolicy(config: AppConfig): { maxFailures: number; lockSeconds: number } {
  return {
    maxFailures: config.env.LOGIN_MAX_FAILURES,
    lockSeconds: config.env.LOGIN_LOCK_SECONDS,
  };
}

/** For a signed-in caller whose account is locked by too many wrong secrets. */
export const accountLocked = (): Problem =>
  identityProblems.problem(
    'auth.account_locked',
    'Too many wrong passwords or codes: try again once the lock ends',
  );
