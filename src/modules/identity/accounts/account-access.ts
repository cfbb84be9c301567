import type { User } from '../entities/user.entity';

export type AccountRefusal = 'account_disabled' | 'account_locked';

/**
 * What a credential is used for: `sign_in` starts a new session (password,
 * OAuth, the OAuth code exchange); `access` uses one already issued (access
 * token, refresh token, API key).
 */
export type AccountUse = 'sign_in' | 'access';

/**
 * The one account-state check every authenticator and sign-in path calls: why
 * the account may not be used now, or undefined. A disabled account is out on
 * every path (its API keys are suspended, not deleted: enabling the account
 * makes them work again). A lock (too many failures, or an admin) stops new
 * sign-ins only, so an attacker's guesses never sign the owner out.
 * Pure over the user row, so callers may pass a cached row.
 */
export function accountRefusal(
  user: Pick<User, 'disabledAt' | 'lockedUntil'>,
  use: AccountUse,
  now = new Date(),
): AccountRefusal | undefined {
  if (user.disabledAt) return 'account_disabled';
  if (use === 'sign_in' && user.lockedUntil && user.lockedUntil > now) return 'account_locked';
  return undefined;
}
