import { defineProblems } from '@lib/problems';

/** Sign-in, sessions, API keys, OAuth and two-factor problems. */
export const identityProblems = defineProblems({
  'auth.account_locked': {
    status: 403,
    description: 'Too many wrong passwords or codes: the account is locked until the lock ends.',
  },
  'auth.account_unavailable': {
    status: 401,
    description: 'The account is disabled or locked, so no new session can start.',
  },
  'auth.busy': {
    status: 503,
    description: 'Too many sign-ins are being checked at once; retry after `retryAfter` seconds.',
  },
  'auth.invalid_mfa_challenge': {
    status: 401,
    description: 'The `mfaChallenge` of an OAuth sign-in is unknown, expired or used.',
  },
  'auth.reauthentication_required': {
    status: 403,
    description:
      'The action needs a fresh confirmation: the password, a code, or a recent sign-in.',
  },
  'auth.oauth_browser_mismatch': {
    status: 403,
    description: 'The OAuth callback came from a browser other than the one that started the flow.',
  },
  'auth.pending_link_not_found': {
    status: 404,
    description: 'No pending identity link with this id for this account (or it expired).',
  },
  'auth.identity_in_use': {
    status: 409,
    description: 'That provider identity is already linked to another account.',
  },
  'auth.invalid_credentials': { status: 401, description: 'Email or password is incorrect.' },
  'auth.invalid_token': {
    status: 401,
    description: 'The bearer token is invalid, expired or revoked.',
  },
  'auth.invalid_refresh_token': {
    status: 401,
    description: 'The refresh token is invalid, expired, revoked or was replayed.',
  },
  'auth.invalid_api_key': {
    status: 401,
    description: 'The API key is invalid, expired or revoked.',
  },
  'auth.invalid_oauth_code': {
    status: 401,
    description: 'The one-time OAuth sign-in code is invalid, expired or used.',
  },
  'auth.invalid_password': {
    status: 401,
    description: 'The account password confirming a sensitive action is wrong.',
  },
  'auth.mfa_required': {
    status: 401,
    description: 'The account uses two-factor authentication: send `otp` (or a recovery code).',
  },
  'auth.invalid_otp': {
    status: 401,
    description: 'The one-time or recovery code is wrong, expired or used.',
  },
  'auth.wrong_password': {
    status: 403,
    description: 'The current password given to change the password is wrong.',
  },
  'auth.password_required': {
    status: 400,
    description: 'The action needs the account password (`password`).',
  },
  'auth.invalid_reset_token': {
    status: 400,
    description: 'The password-reset link is invalid, used or expired.',
  },
  'auth.invalid_email_token': {
    status: 400,
    description: 'The email-verification link is invalid, used or expired.',
  },
  'auth.invalid_email_change_token': {
    status: 400,
    description:
      'The change-of-email link is invalid, used or expired (or the address was taken meanwhile).',
  },
  'auth.email_unchanged': {
    status: 400,
    description: "The new email address is the account's current one.",
  },
  'auth.email_change_locked': {
    status: 403,
    description:
      'A change of address was cancelled from the old address ("this wasn\'t me"); no new one may start until `lockedUntil`.',
  },
  'auth.oauth_state_invalid': {
    status: 400,
    description: 'The OAuth sign-in attempt is unknown, expired or already used.',
  },
  'auth.provider_unavailable': {
    status: 404,
    description: 'The OAuth provider is unknown or not configured.',
  },
  'auth.email_taken': { status: 409, description: 'An account with this email already exists.' },
  'auth.email_already_verified': { status: 409, description: 'The email is already confirmed.' },
  'auth.provider_already_linked': {
    status: 409,
    description: 'The OAuth provider is already linked to the account.',
  },
  'auth.last_login_method': {
    status: 409,
    description: 'Unlinking would leave the account without a way to sign in.',
  },
  'api_key.limit_reached': {
    status: 409,
    description: 'The account has the most active API keys allowed; revoke one first.',
  },
  'two_factor.already_enabled': { status: 409, description: 'Two-factor authentication is on.' },
  'two_factor.not_enabled': { status: 409, description: 'Two-factor authentication is off.' },
  'two_factor.setup_required': {
    status: 409,
    description: 'Call `POST /v1/auth/2fa/setup` before enabling.',
  },
  'two_factor.invalid_otp': {
    status: 400,
    description: 'The code does not match the secret from setup.',
  },
  'two_factor.code_required': { status: 400, description: 'Send `otp` or `recoveryCode`.' },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    identity: typeof identityProblems;
  }
}
