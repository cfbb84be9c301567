import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import type { PushMessage, PushOutcome } from '@lib/providers';
import { QUEUES, type PushDeliveryJob } from '@lib/queue';
import { PushDevice, pushTargetOf } from './entities/push-device.entity';
import { PushDeviceRemoved } from './events/push.events';
import { PushDrivers } from './push-drivers';

export const DELIVER_PUSH_JOB = 'deliver';

/** Sends at most this many pushes of one user at once. */
const PARALLEL_SENDS = 8;

/**
 * Sends pushes to a user's devices. A device the push service says is gone
 * (FCM UNREGISTERED / SENDER_ID_MISMATCH / 404, Web Push 404 / 410) is
 * deleted at once; one that hit a quota (429) or a server error (5xx, network)
 * is retried by a `push` queue job with capped exponential backoff that honours
 * Retry-After. Other refusals (a malformed payload) are logged, not retried.
 */
@Injectable()
export class PushSender {
  private readonly logger = new Logger(PushSender.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly drivers: PushDrivers,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.push) private readonly queue: Queue<PushDeliveryJob>,
  ) {}

  /**
   * Sends `message` to every registered device of the user. `sent` counts
   * devices that accepted it now, `removed` the devices deleted as gone;
   * devices to retry later are queued. `options.key` names this send (e.g. the
   * notification id): retries of one device under one key are queued once.
   */
  async sendToUser(
    userId: string,
    message: PushMessage,
    options: { key?: string } = {},
  ): Promise<{ sent: number; removed: number }> {
    const devices = await this.em.fork().find(PushDevice, { userId }, { orderBy: { id: 'asc' } });
    const key = options.key ?? randomUUID();
    let sent = 0;
    let removed = 0;
    for (let i = 0; i < devices.length; i += PARALLEL_SENDS) {
      const outcomes = await Promise.all(
        devices.slice(i, i + PARALLEL_SENDS).map(async (device) => {
          const outcome = await this.sendToDevice(device, message);
          if (outcome.status === 'retry') await this.retryLater(key, device, message, outcome);
          return outcome;
        }),
      );
      sent += outcomes.filter((o) => o.status === 'sent').length;
      removed += outcomes.filter((o) => o.status === 'gone').length;
    }
    return { sent, removed };
  }

  /** One send to one device; a gone device is deleted before this returns. */
  async sendToDevice(device: PushDevice, message: PushMessage): Promise<PushOutcome> {
    const driver = this.drivers.for(device.platform);
    if (!driver) {
      return { status: 'failed', reason: `${device.platform} is not configured on this server` };
    }
    const outcome = await driver.send(pushTargetOf(device), message, {
      ttlSeconds: this.config.env.PUSH_TTL_SECONDS,
    });
    if (outcome.status === 'gone') await this.remove(device, outcome.reason);
    if (outcome.status === 'failed') {
      this.logger.warn(`Push to device ${device.id} refused: ${outcome.reason}`);
    }
    return outcome;
  }

  private async retryLater(
    key: string,
    device: PushDevice,
    message: PushMessage,
    outcome: Extract<PushOutcome, { status: 'retry' }>,
  ): Promise<void> {
    const env = this.config.env;
    const delay = Math.max(env.PUSH_RETRY_BACKOFF_MS, outcome.retryAfterMs ?? 0);
    this.logger.warn(`Push to device ${device.id} deferred ${delay} ms: ${outcome.reason}`);
    await this.queue.add(
      DELIVER_PUSH_JOB,
      { deviceId: device.id, message },
      {
        jobId: `${key}:${device.id}`,
        delay,
        attempts: env.PUSH_RETRY_ATTEMPTS,
        backoff: {
          type: 'cappedExponential',
          options: { delay: env.PUSH_RETRY_BACKOFF_MS, maxDelay: 3_600_000 },
        },
      },
    );
  }

  private async remove(device: PushDevice, reason: string): Promise<void> {
    this.logger.log(`Push device ${device.id} removed: ${reason}`);
    await this.uow.run(async (em, events) => {
      const deleted = await em.nativeDelete(PushDevice, { id: device.id, token: device.token });
      if (deleted === 0) return; // already removed (another send, or its owner)
      events.record(
        new PushDeviceRemoved(device.id, {
          userId: device.userId,
          platform: device.platform,
          reason: 'unregistered',
        }),
      );
    });
  }
}
