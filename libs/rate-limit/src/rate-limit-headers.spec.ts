import { rateLimitHeaders } from './rate-limit-headers';

const base = { limit: 5, resetMs: 1200, retryAfterSeconds: 2, counted: true };

describe('rateLimitHeaders', () => {
  it('reports limit, remaining and reset in seconds, in both header families', () => {
    expect(rateLimitHeaders({ ...base, allowed: true, remaining: 3 })).toEqual({
      'RateLimit-Limit': '5',
      'RateLimit-Remaining': '3',
      'RateLimit-Reset': '2',
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '3',
      'X-RateLimit-Reset': '2',
    });
  });

  it('adds Retry-After only to a refusal', () => {
    expect(rateLimitHeaders({ ...base, allowed: false, remaining: 0 })).toMatchObject({
      'Retry-After': '2',
      'RateLimit-Remaining': '0',
    });
  });
});
