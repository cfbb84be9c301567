import { nextAlertRun } from './alert-schedule';

describe('nextAlertRun', () => {
  it('daily: the next local hour, today or tomorrow', () => {
    const after = new Date('2026-03-10T06:30:00Z'); // 07:30 in Berlin (CET)
    expect(nextAlertRun('daily', 8, 'Europe/Berlin', after).toISOString()).toBe(
      '2026-03-10T07:00:00.000Z',
    );
    expect(nextAlertRun('daily', 7, 'Europe/Berlin', after).toISOString()).toBe(
      '2026-03-11T06:00:00.000Z',
    );
  });

  it('never answers the instant it was asked from (a run moves to the next day)', () => {
    const run = new Date('2026-03-10T07:00:00Z');
    expect(nextAlertRun('daily', 8, 'Europe/Berlin', run).toISOString()).toBe(
      '2026-03-11T07:00:00.000Z',
    );
  });

  it('weekly: Mondays at the hour', () => {
    const wednesday = new Date('2026-03-11T12:00:00Z');
    expect(nextAlertRun('weekly', 9, 'UTC', wednesday).toISOString()).toBe(
      '2026-03-16T09:00:00.000Z',
    );
  });

  it('follows daylight saving time and half-hour zones', () => {
    // Berlin switches to CEST on 2026-03-29: 08:00 local is 07:00Z before, 06:00Z after.
    expect(
      nextAlertRun('daily', 8, 'Europe/Berlin', new Date('2026-03-29T00:00:00Z')).toISOString(),
    ).toBe('2026-03-29T06:00:00.000Z');
    expect(
      nextAlertRun('daily', 9, 'Asia/Kolkata', new Date('2026-03-10T00:00:00Z')).toISOString(),
    ).toBe('2026-03-10T03:30:00.000Z');
  });

  it('an hour skipped by the DST change runs the next day', () => {
    // 02:00 does not exist in Berlin on 2026-03-29.
    expect(
      nextAlertRun('daily', 2, 'Europe/Berlin', new Date('2026-03-28T23:30:00Z')).toISOString(),
    ).toBe('2026-03-30T00:00:00.000Z');
  });
});
