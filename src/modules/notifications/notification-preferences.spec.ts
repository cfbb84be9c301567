import {
  channelOverrides,
  inQuietHours,
  quietHoursLeftMs,
  resolvePreferences,
} from './notification-preferences';

describe('quiet hours', () => {
  const at = (iso: string) => new Date(iso);

  it('spans midnight when the end is before the start', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(inQuietHours(quiet, 'UTC', at('2026-12-02T23:30:00Z'))).toBe(true);
    expect(inQuietHours(quiet, 'UTC', at('2026-12-02T06:59:00Z'))).toBe(true);
    expect(inQuietHours(quiet, 'UTC', at('2026-12-02T07:00:00Z'))).toBe(false);
    expect(inQuietHours(quiet, 'UTC', at('2026-12-02T12:00:00Z'))).toBe(false);
  });

  it('reads the clock in the user’s time zone', () => {
    const quiet = { start: '22:00', end: '07:00' };
    // 21:30 UTC is 22:30 in Berlin (CET) and 16:30 in New York (EST).
    expect(inQuietHours(quiet, 'Europe/Berlin', at('2026-12-02T21:30:00Z'))).toBe(true);
    expect(inQuietHours(quiet, 'America/New_York', at('2026-12-02T21:30:00Z'))).toBe(false);
  });

  it('is off without quiet hours or with an empty range', () => {
    expect(inQuietHours(null, 'UTC')).toBe(false);
    expect(inQuietHours({ start: '08:00', end: '08:00' }, 'UTC')).toBe(false);
  });

  it('says how long they still last (a held push waits that long)', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(quietHoursLeftMs(quiet, 'UTC', at('2026-12-02T23:30:15Z'))).toBe(
      (7 * 60 + 29) * 60_000 + 45_000,
    );
    expect(quietHoursLeftMs(quiet, 'UTC', at('2026-12-03T06:59:00Z'))).toBe(60_000);
    expect(quietHoursLeftMs(quiet, 'UTC', at('2026-12-03T07:00:00Z'))).toBe(0);
    // 21:30 UTC is 22:30 in Berlin: 8 hours 30 minutes until 07:00 there.
    expect(quietHoursLeftMs(quiet, 'Europe/Berlin', at('2026-12-02T21:30:00Z'))).toBe(
      (8 * 60 + 30) * 60_000,
    );
  });
});

describe('stored preferences', () => {
  it('keep only what differs from the category defaults', () => {
    const channels = resolvePreferences(null).channels;
    channels.newsletter.email = true;
    channels.product.email = true; // the default already
    expect(channelOverrides(channels)).toEqual({ newsletter: { email: true } });
  });
});
