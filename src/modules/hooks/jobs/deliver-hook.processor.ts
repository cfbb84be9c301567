import { Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { AppConfig } from '@lib/config';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type HookDeliveryJob } from '@lib/queue';
import { HookDeliverer, type AttemptResult } from '../delivery/hook-deliverer';
import { nextRetryDelay } from '../delivery/retry-schedule';

export const DELIVER_HOOK_JOB = 'deliver';

/**
 * Thrown to have Bull run the job again after `retryAfterMs`: the queue's
 * `cappedExponential` backoff (1 ms base) waits exactly that long, so the
 * retry schedule and its jitter live in one place (`nextRetryDelay`).
 */
export class HookRetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'HookRetryLater';
  }
}

/** One event to one subscription; every run is one recorded attempt. */
@Processor(QUEUES.hooks)
export class DeliverHookProcessor {
  constructor(
    private readonly deliverer: HookDeliverer,
    private readonly config: AppConfig,
  ) {}

  @TracedProcess(DELIVER_HOOK_JOB)
  deliver(job: Job<HookDeliveryJob>): Promise<{ outcome: string }> {
    return auditContext.run(
      { actor: { type: 'system', id: 'hooks-worker' }, causationId: String(job.id) },
      async () => {
        const attempt = job.attemptsMade + 1;
        let result: AttemptResult;
        try {
          result = await this.deliverer.attempt(job.data, attempt);
        } catch (error) {
          // Our side failed (database, Redis): retry on the same schedule, not at Bull's pace.
          const delay = nextRetryDelay(this.config.env.HOOKS_RETRY_DELAYS_MS, attempt);
          if (delay === undefined) throw error;
          throw new HookRetryLater(error instanceof Error ? error.message : String(error), delay);
        }
        if (result.retryInMs !== undefined) {
          throw new HookRetryLater(result.outcome, result.retryInMs);
        }
        return { outcome: result.outcome };
      },
    );
  }
}
