import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiter } from '@lib/rate-limit';
import { SourceRequestBudget } from './source-request-budget';

/** Two replicas' budgets over one Redis: Adzuna's 25 a minute are shared, not 25 each. */
describe('SourceRequestBudget', () => {
  let redis: Redis;

  beforeAll(async () => {
    // A prefix of this run's own: suites in other worktrees share the machine's Redis.
    redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
      keyPrefix: `test:job-budget:${process.pid}:`,
    });
    await redis.connect();
    await redis.del('ratelimit:job-source-minute:adzuna', 'ratelimit:job-source-day:adzuna');
  });
  afterAll(async () => {
    await redis.del('ratelimit:job-source-minute:adzuna', 'ratelimit:job-source-day:adzuna');
    redis.disconnect();
  });

  it('counts Adzuna requests across replicas: the 26th in a minute waits', async () => {
    const replicas = [
      new SourceRequestBudget(new RateLimiter(redis)),
      new SourceRequestBudget(new RateLimiter(redis)),
    ];
    const answers = [];
    for (let i = 0; i < 26; i += 1) answers.push(await replicas[i % 2].take('adzuna'));
    expect(answers.slice(0, 25).every((a) => a.allowed)).toBe(true);
    const last = answers[25];
    expect(last.allowed).toBe(false);
    expect(!last.allowed && last.retryAfterSeconds).toBeGreaterThan(0);
    expect(!last.allowed && last.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await redis.zcard('ratelimit:job-source-day:adzuna')).toBe(26);
  });

  it('leaves sources without published limits alone', async () => {
    const budget = new SourceRequestBudget(new RateLimiter(redis));
    await expect(budget.take('remoteok')).resolves.toEqual({ allowed: true });
  });

  it('counts an unreachable store as a spent budget', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const down = { evalsha: () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const budget = new SourceRequestBudget(new RateLimiter(down as unknown as Redis));
    await expect(budget.take('adzuna')).resolves.toEqual({ allowed: false, retryAfterSeconds: 60 });
    jest.restoreAllMocks();
  });
});
