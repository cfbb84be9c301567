import { SubscriptionActivated } from '../../billing';
import { CvCreated, CvUpdated } from '../../cv';
import { UserRegistered } from '../../identity';
import { JobApplicationCreated, JobApplicationStatusChanged } from '../../jobs';
import { hookTriggerOf } from './hook-payloads';

describe('hookTriggerOf', () => {
  const patch = { ownerId: 'u1', version: 1, patch: [], summary: '' };

  it('maps the domain events that hooks deliver, to whose subscriptions', () => {
    expect(hookTriggerOf(new UserRegistered('u9', { role: 'user' }))).toEqual({
      event: 'user.registered',
      ownerId: null,
    });
    expect(hookTriggerOf(new CvCreated('cv1', { ...patch, source: 'blank' }))).toEqual({
      event: 'cv.completed',
      ownerId: 'u1',
    });
    expect(
      hookTriggerOf(
        new JobApplicationCreated('a1', { userId: 'u1', jobId: 'j1', status: 'applied' }),
      ),
    ).toEqual({ event: 'job.applied', ownerId: 'u1' });
    expect(
      hookTriggerOf(
        new JobApplicationStatusChanged('a1', {
          userId: 'u1',
          jobId: 'j1',
          from: 'interested',
          to: 'applied',
        }),
      ),
    ).toEqual({ event: 'job.applied', ownerId: 'u1' });
    expect(
      hookTriggerOf(new SubscriptionActivated({ userId: 'u1', subscriptionId: 's1', plan: 'pro' })),
    ).toEqual({ event: 'subscription.started', ownerId: 'u1' });
  });

  it('ignores everything else, applications not (yet) applied included', () => {
    expect(hookTriggerOf(new CvUpdated('cv1', patch))).toBeUndefined();
    expect(
      hookTriggerOf(
        new JobApplicationCreated('a1', { userId: 'u1', jobId: 'j1', status: 'interested' }),
      ),
    ).toBeUndefined();
    expect(
      hookTriggerOf(
        new JobApplicationStatusChanged('a1', {
          userId: 'u1',
          jobId: 'j1',
          from: 'applied',
          to: 'interviewing',
        }),
      ),
    ).toBeUndefined();
  });
});
