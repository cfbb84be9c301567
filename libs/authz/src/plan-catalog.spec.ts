import { requiredPlanFor } from './plan-catalog';

describe('requiredPlanFor', () => {
  it('names the cheapest tier with the feature', () => {
    expect(requiredPlanFor('apiAccess')).toBe('premium');
    expect(requiredPlanFor('aiEnhancement')).toBe('pro');
    expect(requiredPlanFor('jobSearch')).toBe('free');
  });
});
