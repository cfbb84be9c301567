import { cappedExponentialBackoff } from './queue.module';

describe('cappedExponentialBackoff', () => {
  it('doubles from the first delay and stops at the cap', () => {
    const options = { delay: 100, maxDelay: 1000 };
    expect([1, 2, 3, 4, 5, 30].map((n) => cappedExponentialBackoff(n, null, options))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('waits at least what the provider asked for (Retry-After), up to the cap', () => {
    const options = { delay: 100, maxDelay: 1000 };
    expect(cappedExponentialBackoff(1, { retryAfterMs: 700 }, options)).toBe(700);
    expect(cappedExponentialBackoff(1, { retryAfterMs: 5000 }, options)).toBe(1000);
    expect(cappedExponentialBackoff(3, { retryAfterMs: 10 }, options)).toBe(400);
  });
});
