import { accountRefusal } from './account-access';

describe('accountRefusal', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const later = new Date('2026-01-01T12:15:00Z');
  const earlier = new Date('2026-01-01T11:45:00Z');

  it('refuses a disabled account on every path', () => {
    for (const use of ['sign_in', 'access'] as const) {
      expect(accountRefusal({ disabledAt: earlier, lockedUntil: null }, use, now)).toBe(
        'account_disabled',
      );
    }
  });

  it('refuses a locked account new sign-ins only, until the lock ends', () => {
    const locked = { disabledAt: null, lockedUntil: later };
    expect(accountRefusal(locked, 'sign_in', now)).toBe('account_locked');
    expect(accountRefusal(locked, 'access', now)).toBeUndefined();
    expect(
      accountRefusal({ disabledAt: null, lockedUntil: earlier }, 'sign_in', now),
    ).toBeUndefined();
  });
});
