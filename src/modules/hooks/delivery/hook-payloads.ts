import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@lib/authz';
import type { DomainEvent } from '@lib/event-store';
import { SubscriptionActivated } from '../../billing';
import { Cv, CvCreated } from '../../cv';
import { User, UserRegistered } from '../../identity';
import { JobApplication, JobApplicationCreated, JobApplicationStatusChanged } from '../../jobs';
import {
  ADMIN_ONLY_HOOK_EVENTS,
  HOOK_SAMPLES,
  type CvCompletedData,
  type HookEventName,
  type HookPayload,
  type JobAppliedData,
  type SubscriptionStartedData,
  type UserRegisteredData,
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

const RECENT = 3;

/**
 * The `data` of deliveries, read once when an event is fanned out (retries resend
 * it as is), and the same records for the perform list.
 */
@Injectable()
export class HookPayloads {
  async dataFor(
    em: EntityManager,
    trigger: HookTrigger,
    event: DomainEvent,
  ): Promise<object | null> {
    const at = event.occurredAt ?? new Date();
    switch (trigger.event) {
      case 'user.registered': {
        const user = await em.findOne(User, { id: event.streamId });
        return user && userData(user, user.createdAt);
      }
      case 'cv.completed': {
        const cv = await em.findOne(Cv, { id: event.streamId });
        return cv && cvData(cv, cv.createdAt);
      }
      case 'job.applied': {
        const application = await em.findOne(
          JobApplication,
          { id: event.streamId },
          { populate: ['job'] },
        );
        return application && applicationData(application, application.appliedAt ?? at);
      }
      case 'subscription.started': {
        const { subscriptionId, plan } = (event as SubscriptionActivated).payload;
        return {
          subscription_id: subscriptionId,
          plan,
          started_at: at.toISOString(),
        } satisfies SubscriptionStartedData;
      }
    }
  }

  /**
   * Zapier's "perform list": the caller's most recent records of the event in the
   * delivery shape, or the catalogue sample when there are none (and always for
   * `subscription.started`, and `user.registered` for non-admins).
   */
  async recent(
    em: EntityManager,
    principal: Principal,
    event: HookEventName,
  ): Promise<HookPayload[]> {
    const records = await this.recentRecords(em, principal, event);
    if (records.length === 0) return [HOOK_SAMPLES[event]];
    return records.map(({ at, data }) => ({
      type: event,
      timestamp: at.toISOString(),
      data: data as Record<string, unknown>,
    }));
  }

  private async recentRecords(
    em: EntityManager,
    principal: Principal,
    event: HookEventName,
  ): Promise<{ at: Date; data: object }[]> {
    const userId = principal.userId;
    if (ADMIN_ONLY_HOOK_EVENTS.includes(event) && principal.role !== 'admin') return [];
    switch (event) {
      case 'user.registered': {
        const users = await em.find(User, {}, { orderBy: { createdAt: 'desc' }, limit: RECENT });
        return users.map((user) => ({ at: user.createdAt, data: userData(user, user.createdAt) }));
      }
      case 'cv.completed': {
        const cvs = await em.find(
          Cv,
          { ownerId: userId, deletedAt: null },
          { orderBy: { createdAt: 'desc' }, limit: RECENT },
        );
        return cvs.map((cv) => ({ at: cv.createdAt, data: cvData(cv, cv.createdAt) }));
      }
      case 'job.applied': {
        const applications = await em.find(
          JobApplication,
          { userId, status: 'applied' },
          { populate: ['job'], orderBy: { appliedAt: 'desc' }, limit: RECENT },
        );
        return applications.map((application) => {
          const at = application.appliedAt ?? new Date();
          return { at, data: applicationData(application, at) };
        });
      }
      case 'subscription.started':
        return [];
    }
  }
}

function userData(user: User, at: Date): UserRegisteredData {
  return { id: user.id, email: user.email, name: user.name, registered_at: at.toISOString() };
}

function cvData(cv: Cv, at: Date): CvCompletedData {
  return { id: cv.id, title: cv.title, created_at: at.toISOString() };
}

function applicationData(application: JobApplication, at: Date): JobAppliedData {
  const job = application.job.getEntity();
  return {
    id: application.id,
    job_id: job.id,
    job_title: job.title ?? null,
    company: job.company ?? null,
    status: 'applied',
    applied_at: at.toISOString(),
  };
}
