import { metaRateLimit, xRateLimit } from './rate-limit-headers';

describe('network rate-limit headers', () => {
  it('reads X counts and the reset time', () => {
    expect(
      xRateLimit({
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '25',
        'x-rate-limit-reset': '1767225600',
      }),
    ).toEqual({
      limit: 100,
      remaining: 25,
      resetAt: new Date('2026-01-01T00:00:00Z'),
      usagePercent: 75,
    });
    expect(xRateLimit({})).toBeNull();
  });

  it('takes the highest Meta usage across app and business headers', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const limit = metaRateLimit(
      {
        'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":20}',
        'x-business-use-case-usage':
          '{"123":[{"type":"pages","call_count":97,"total_cputime":4,"total_time":9,"estimated_time_to_regain_access":5}]}',
      },
      now,
    );
    expect(limit).toEqual({
      limit: null,
      remaining: null,
      resetAt: new Date('2026-01-01T00:05:00Z'),
      usagePercent: 97,
    });
    expect(metaRateLimit({ 'x-app-usage': 'not json' })).toBeNull();
  });
});
