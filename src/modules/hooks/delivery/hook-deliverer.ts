import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { SecretBox } from '@lib/crypto';
import { UnitOfWork } from '@lib/event-store';
import type { HookDeliveryJob } from '@lib/queue';
import {
  HookDeliveryAttempt,
  type HookAttemptOutcome,
} from '../entities/hook-delivery-attempt.entity';
import { HookSubscription, hookSecretContext } from '../entities/hook-subscription.entity';
import { HookDeactivated } from '../events/hooks.events';
import { postWebhook, type PostWebhookResult } from './post-webhook';
import { nextRetryDelay } from './retry-schedule';
import { signWebhook } from './webhook-signature';

export interface AttemptResult {
  outcome: HookAttemptOutcome | 'skipped';
  /** Set when another attempt should follow after this many ms. */
  retryInMs?: number;
}

/**
 * One attempt of one delivery: sign, POST through the SSRF guard, record the
 * attempt. 2xx delivered; timeout, network error, 429 and 5xx retried on the
 * schedule (Retry-After honoured) until it is used up; 410 deactivates the
 * subscription; anything else fails at once.
 */
@Injectable()
export class HookDeliverer {
  private readonly logger = new Logger(HookDeliverer.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
    private readonly config: AppConfig,
  ) {}

  async attempt(job: HookDeliveryJob, attempt: number): Promise<AttemptResult> {
    const em = this.em.fork();
    const hook = await em.findOne(HookSubscription, { id: job.hookId });
    if (!hook?.active) return { outcome: 'skipped' };
    const secret = this.box.open(hook.secretSealed, hookSecretContext(hook.id));
    const result = await postWebhook(
      hook.targetUrl,
      job.body,
      signWebhook(secret, job.eventId, job.body),
      { production: this.config.isProduction, timeoutMs: this.config.env.HOOKS_TIMEOUT_MS },
    );
    const { outcome, retryInMs } = this.judge(result, attempt);
    const row = em.create(HookDeliveryAttempt, {
      hookId: hook.id,
      eventId: job.eventId,
      eventType: hook.event,
      attempt,
      attemptedAt: new Date(Date.now() - result.durationMs),
      statusCode: result.kind === 'answered' ? result.status : null,
      durationMs: result.durationMs,
      outcome,
      error: errorOf(result),
      nextRetryAt: retryInMs === undefined ? null : new Date(Date.now() + retryInMs),
    });
    await em.persist(row).flush();
    if (outcome === 'gone') await this.deactivate(hook);
    if (outcome !== 'delivered') {
      this.logger.warn(`Hook ${hook.id} attempt ${attempt}: ${outcome} (${row.error ?? ''})`);
    }
    return { outcome, retryInMs };
  }

  private judge(
    result: PostWebhookResult,
    attempt: number,
  ): { outcome: HookAttemptOutcome; retryInMs?: number } {
    if (result.kind === 'refused') return { outcome: 'failed' };
    if (result.kind === 'answered') {
      const { status } = result;
      if (status >= 200 && status < 300) return { outcome: 'delivered' };
      if (status === 410) return { outcome: 'gone' };
      if (status !== 429 && status < 500) return { outcome: 'failed' };
    }
    const retryAfter = result.kind === 'answered' ? result.retryAfterMs : undefined;
    const retryInMs = nextRetryDelay(this.config.env.HOOKS_RETRY_DELAYS_MS, attempt, retryAfter);
    return retryInMs === undefined ? { outcome: 'failed' } : { outcome: 'retrying', retryInMs };
  }

  private async deactivate(hook: HookSubscription): Promise<void> {
    await this.uow.run(async (em, events) => {
      const changed = await em.nativeUpdate(
        HookSubscription,
        { id: hook.id, active: true },
        { active: false, deactivatedReason: 'gone', deactivatedAt: new Date() },
      );
      if (changed === 0) return; // deactivated by a parallel delivery already
      events.record(
        new HookDeactivated(hook.id, { userId: hook.userId, event: hook.event, reason: 'gone' }),
      );
    });
  }
}

function errorOf(result: PostWebhookResult): string | null {
  if (result.kind !== 'answered') return result.error.slice(0, 500);
  if (result.status >= 200 && result.status < 300) return null;
  return `HTTP ${result.status}`;
}
