import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { Problem } from '@lib/problems';
import { RateLimiter } from './rate-limiter';

function limiterWith(redis: Partial<Pick<Redis, 'evalsha' | 'eval'>>): RateLimiter {
  return new RateLimiter(redis as Redis);
}

const down = () => Promise.reject(new Error('connect ECONNREFUSED'));

describe('RateLimiter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('maps the script reply to a decision', async () => {
    const limiter = limiterWith({ evalsha: jest.fn().mockResolvedValue([0, 0, 1500]) });
    await expect(limiter.consume('auth', 'ip:1', 5, 900_000)).resolves.toEqual({
      allowed: false,
      limit: 5,
      remaining: 0,
      resetMs: 1500,
      retryAfterSeconds: 2,
      counted: true,
    });
  });

  it('loads the script with EVAL when Redis does not know it yet', async () => {
    const evalScript = jest.fn().mockResolvedValue([1, 4, 900_000]);
    const limiter = limiterWith({
      evalsha: jest.fn().mockRejectedValue(new Error('NOSCRIPT No matching script')),
      eval: evalScript,
    });
    const decision = await limiter.consume('auth', 'ip:1', 5, 900_000);
    expect(decision).toMatchObject({ allowed: true, remaining: 4 });
    expect(evalScript).toHaveBeenCalledWith(
      expect.stringContaining('ZREMRANGEBYSCORE'),
      1,
      'ratelimit:auth:ip:1',
      5,
      900_000,
      expect.any(String),
      '0',
    );
  });

  it('fails open by default: lets the request through uncounted', async () => {
    const decision = await limiterWith({ evalsha: down }).consume('ai', 'user:u', 10, 3_600_000);
    expect(decision).toMatchObject({ allowed: true, counted: false, limit: 10 });
  });

  it('fails closed when asked to: a 503 problem', async () => {
    const consume = limiterWith({ evalsha: down }).consume('auth', 'ip:1', 5, 900_000, 'deny');
    await expect(consume).rejects.toBeInstanceOf(Problem);
    await expect(consume).rejects.toMatchObject({ status: 503, code: 'rate_limit.unavailable' });
  });

  it('treats a Redis that does not answer as down', async () => {
    jest.useFakeTimers();
    try {
      const hanging = limiterWith({ evalsha: () => new Promise<never>(() => undefined) });
      const consume = hanging.consume('auth', 'ip:1', 5, 900_000, 'deny');
      jest.advanceTimersByTime(1000);
      await expect(consume).rejects.toMatchObject({ status: 503 });
    } finally {
      jest.useRealTimers();
    }
  });
});
