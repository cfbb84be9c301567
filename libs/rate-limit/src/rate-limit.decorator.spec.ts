import { RATE_LIMIT_POLICIES } from './policies';
import { describePolicy } from './rate-limit.decorator';

describe('describePolicy', () => {
  it('describes a fixed limit', () => {
    expect(describePolicy('auth', RATE_LIMIT_POLICIES.auth)).toBe('auth: 5 per 15 minutes per IP');
  });

  it('lists a plan-based limit per tier', () => {
    expect(describePolicy('ai', RATE_LIMIT_POLICIES.ai)).toBe(
      'ai: free 0, pro 10, premium 30 per hour per user',
    );
  });
});
