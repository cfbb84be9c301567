import { parseRetryAfter } from './post-webhook';
import { nextRetryDelay } from './retry-schedule';

describe('webhook retry schedule', () => {
  const schedule = [5_000, 300_000, 1_800_000];

  it('waits the step of the attempt that failed, spread ±20 %', () => {
    expect(nextRetryDelay(schedule, 1, undefined, () => 0)).toBe(4_000);
    expect(nextRetryDelay(schedule, 1, undefined, () => 0.5)).toBe(5_000);
    expect(nextRetryDelay(schedule, 2, undefined, () => 1)).toBe(360_000);
    expect(nextRetryDelay(schedule, 3, undefined, () => 0.5)).toBe(1_800_000);
  });

  it('gives up when the schedule is used up', () => {
    expect(nextRetryDelay(schedule, 4)).toBeUndefined();
  });

  it('waits at least what Retry-After asks, up to a day', () => {
    expect(nextRetryDelay(schedule, 1, 60_000, () => 0.5)).toBe(60_000);
    expect(nextRetryDelay(schedule, 1, 1_000, () => 0.5)).toBe(5_000);
    expect(nextRetryDelay(schedule, 1, 30 * 86_400_000, () => 0.5)).toBe(86_400_000);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-03T08:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 08:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
