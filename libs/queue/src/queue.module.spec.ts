import { cappedExponentialBackoff } from './queue.module';

describe('cappedExponentialBackoff', () => {
  it('doubles from the first delay and stops at the cap', () => {
    const options = { delay: 100, maxDelay: 1000 };
    expect([1, 2, 3, 4, 5, 30].map((n) => cappedExponentialBackoff(n, null, options))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });
});
