import { requiredPlanFor, requiredPlanForQuota } from './plan-catalog';

describe('requiredPlanFor', () => {
  it('names the cheapest tier with the feature', () => {
    expect(requiredPlanFor('apiAccess')).toBe('premium');
    expect(requiredPlanFor('aiEnhancement')).toBe('pro');
    expect(requiredPlanFor('jobSearch')).toBe('free');
  });
});

describe('requiredPlanForQuota', () => {
  it('names the cheapest tier allowing more, and none past the top plan', () => {
    expect(requiredPlanForQuota('savedSearches', 3)).toBe('pro');
    expect(requiredPlanForQuota('savedSearches', 20)).toBe('premium');
    expect(requiredPlanForQuota('savedSearches', 100)).toBeUndefined();
  });
});
