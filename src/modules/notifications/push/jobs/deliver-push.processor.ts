import { Processor } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type PushDeliveryJob } from '@lib/queue';
import { PushDevice } from '../entities/push-device.entity';
import { DELIVER_PUSH_JOB, PushSender } from '../push-sender';

/** Thrown to have Bull try again later; `retryAfterMs` is honoured by the backoff. */
export class PushRetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PushRetryLater';
  }
}

/** Retries one push to one device (quota or server error earlier). */
@Processor(QUEUES.push)
export class DeliverPushProcessor {
  constructor(
    private readonly em: EntityManager,
    private readonly sender: PushSender,
  ) {}

  @TracedProcess(DELIVER_PUSH_JOB)
  deliver(job: Job<PushDeliveryJob>): Promise<{ status: string }> {
    return auditContext.run(
      { actor: { type: 'system', id: 'push-worker' }, causationId: String(job.id) },
      async () => {
        const device = await this.em.fork().findOne(PushDevice, job.data.deviceId);
        if (!device) return { status: 'device_gone' };
        const outcome = await this.sender.sendToDevice(device, job.data.message);
        if (outcome.status === 'retry')
          throw new PushRetryLater(outcome.reason, outcome.retryAfterMs);
        return { status: outcome.status };
      },
    );
  }
}
