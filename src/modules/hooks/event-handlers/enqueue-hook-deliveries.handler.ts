import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { canUseFeature, defineAbilityFor } from '@lib/authz';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES, type HookDeliveryJob } from '@lib/queue';
import { SubscriptionActivated } from '../../billing';
import { CvCreated } from '../../cv';
import { User, UserRegistered } from '../../identity';
import { JobApplicationCreated, JobApplicationStatusChanged } from '../../jobs';
import { hookTriggerOf, HookPayloads } from '../delivery/hook-payloads';
import { HookSubscription } from '../entities/hook-subscription.entity';
import { ADMIN_ONLY_HOOK_EVENTS, type HookPayload } from '../hook-events';
import { DELIVER_HOOK_JOB } from '../jobs/deliver-hook.processor';

/**
 * Fans a domain event out to the active subscriptions of its hook event: one
 * `hooks` job per (event, subscription), job id `${eventId}:${hookId}`, so a
 * redelivered event adds nothing. Owners who lost API access (downgraded, or no
 * longer admin for admin-only events) get nothing. Without subscriptions this is
 * one indexed query.
 */
@Injectable()
@HandlesEvent(
  UserRegistered,
  CvCreated,
  JobApplicationCreated,
  JobApplicationStatusChanged,
  SubscriptionActivated,
)
export class EnqueueHookDeliveriesHandler implements DomainEventHandler {
  constructor(
    private readonly em: EntityManager,
    private readonly payloads: HookPayloads,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.hooks) private readonly queue: Queue<HookDeliveryJob>,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const trigger = hookTriggerOf(event);
    if (!trigger || !event.eventId) return;
    const em = this.em.fork();
    const hooks = await em.find(
      HookSubscription,
      {
        event: trigger.event,
        active: true,
        ...(trigger.ownerId ? { userId: trigger.ownerId } : {}),
      },
      { orderBy: { id: 'asc' } },
    );
    if (hooks.length === 0) return;
    const eligible = await this.eligibleOwners(em, hooks, trigger.event);
    const targets = hooks.filter((hook) => eligible.has(hook.userId));
    if (targets.length === 0) return;
    const data = await this.payloads.dataFor(em, trigger, event);
    if (!data) return; // the subject is gone already (deleted right after)
    const payload: HookPayload = {
      type: trigger.event,
      timestamp: (event.occurredAt ?? new Date()).toISOString(),
      data: data as Record<string, unknown>,
    };
    const body = JSON.stringify(payload);
    const eventId = event.eventId;
    await this.queue.addBulk(
      targets.map((hook) => ({
        name: DELIVER_HOOK_JOB,
        data: { hookId: hook.id, eventId, body },
        opts: {
          jobId: `${eventId}:${hook.id}`,
          attempts: this.config.env.HOOKS_RETRY_DELAYS_MS.length + 1,
          // Waits come from the thrown HookRetryLater (schedule + jitter + Retry-After).
          backoff: { type: 'cappedExponential', options: { delay: 1, maxDelay: 86_400_000 } },
        },
      })),
    );
  }

  private async eligibleOwners(
    em: EntityManager,
    hooks: HookSubscription[],
    event: HookPayload['type'],
  ): Promise<Set<string>> {
    const owners = await em.find(
      User,
      { id: { $in: [...new Set(hooks.map((hook) => hook.userId))] } },
      { fields: ['id', 'role', 'tier'] },
    );
    const adminOnly = ADMIN_ONLY_HOOK_EVENTS.includes(event);
    return new Set(
      owners
        .filter((owner) =>
          adminOnly
            ? owner.role === 'admin'
            : canUseFeature(
                defineAbilityFor({ userId: owner.id, role: owner.role, tier: owner.tier }),
                'apiAccess',
              ),
        )
        .map((owner) => owner.id),
    );
  }
}
