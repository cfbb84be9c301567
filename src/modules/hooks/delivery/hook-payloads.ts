import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@lib/event-store';
import { SubscriptionActivated } from '../../billing';
import { Cv, CvCreated } from '../../cv';
import { User, UserRegistered } from '../../identity';
import { JobApplication, JobApplicationCreated, JobApplicationStatusChanged } from '../../jobs';
import type {
  CvCompletedData,
  HookEventName,
  JobAppliedData,
  SubscriptionStartedData,
  UserRegisteredData,
} from '../hook-events';

/** Which hook event a domain event is, and whose subscriptions get it (null: every subscriber's). */
export interface HookTrigger {
  event: HookEventName;
  ownerId: string | null;
}

/**
 * Maps domain events to hook events:
 * - `identity.user_registered` → `user.registered` (to admins' subscriptions);
 * - `cv.created` → `cv.completed`: a CV exists with its title and content (new, duplicated
 *   or imported); the owner's subscriptions;
 * - `jobs.application_created` with status `applied`, or `jobs.application_status_changed`
 *   to `applied` → `job.applied`;
 * - `billing.subscription_activated` → `subscription.started`.
 */
export function hookTriggerOf(event: DomainEvent): HookTrigger | undefined {
  if (event instanceof UserRegistered) return { event: 'user.registered', ownerId: null };
  if (event instanceof CvCreated) return { event: 'cv.completed', ownerId: event.payload.ownerId };
  if (
    (event instanceof JobApplicationCreated && event.payload.status === 'applied') ||
    (event instanceof JobApplicationStatusChanged && event.payload.to === 'applied')
  ) {
    return { event: 'job.applied', ownerId: event.payload.userId };
  }
  if (event instanceof SubscriptionActivated) {
    return { event: 'subscription.started', ownerId: event.payload.userId };
  }
  return undefined;
}

/** The `data` of a delivery, read once when the event is fanned out (retries resend it as is). */
@Injectable()
export class HookPayloads {
  async dataFor(
    em: EntityManager,
    trigger: HookTrigger,
    event: DomainEvent,
  ): Promise<object | undefined> {
    const at = (event.occurredAt ?? new Date()).toISOString();
    switch (trigger.event) {
      case 'user.registered': {
        const user = await em.findOne(User, { id: event.streamId });
        if (!user) return undefined;
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          registered_at: at,
        } satisfies UserRegisteredData;
      }
      case 'cv.completed': {
        const cv = await em.findOne(Cv, { id: event.streamId });
        if (!cv) return undefined;
        const source = (event as CvCreated).payload.source;
        return { id: cv.id, title: cv.title, source, created_at: at } satisfies CvCompletedData;
      }
      case 'job.applied': {
        const application = await em.findOne(
          JobApplication,
          { id: event.streamId },
          { populate: ['job'] },
        );
        if (!application) return undefined;
        const job = application.job.getEntity();
        return {
          id: application.id,
          job_id: job.id,
          job_title: job.title ?? null,
          company: job.company ?? null,
          status: 'applied',
          applied_at: at,
        } satisfies JobAppliedData;
      }
      case 'subscription.started': {
        const { subscriptionId, plan } = (event as SubscriptionActivated).payload;
        return {
          subscription_id: subscriptionId,
          plan,
          started_at: at,
        } satisfies SubscriptionStartedData;
      }
    }
  }
}
