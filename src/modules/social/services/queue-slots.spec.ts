import { nextFreeSlot, zonedTime } from './queue-slots';

describe('queue slots', () => {
  it('reads slot times in the account’s zone, across DST', () => {
    expect(
      new Date(zonedTime({ year: 2026, month: 1, day: 5 }, '09:00', 'Europe/Berlin')).toISOString(),
    ).toBe('2026-01-05T08:00:00.000Z');
    expect(
      new Date(zonedTime({ year: 2026, month: 7, day: 6 }, '09:00', 'Europe/Berlin')).toISOString(),
    ).toBe('2026-07-06T07:00:00.000Z');
  });

  it('picks the next free slot after now, skipping taken ones', () => {
    // Monday 2026-01-05 10:00 Berlin; slots Monday 09:00 and 12:00, Wednesday 09:00.
    const after = new Date('2026-01-05T09:00:00Z');
    const slots = [
      { weekday: 1, time: '09:00' },
      { weekday: 1, time: '12:00' },
      { weekday: 3, time: '09:00' },
    ];
    const first = nextFreeSlot(slots, 'Europe/Berlin', after, new Set());
    expect(first?.toISOString()).toBe('2026-01-05T11:00:00.000Z');
    const second = nextFreeSlot(slots, 'Europe/Berlin', after, new Set([first!.getTime()]));
    expect(second?.toISOString()).toBe('2026-01-07T08:00:00.000Z');
    expect(nextFreeSlot([], 'UTC', after, new Set())).toBeUndefined();
  });
});
