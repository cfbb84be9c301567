import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { QUEUES, type EventHandlerJob } from '@lib/queue';

export const EVENT_HANDLER_JOB = 'handle-event';

/** Job id of one @HandlesEventInJob delivery: a redelivered event adds no second job. */
export const eventJobId = (eventId: string, handler: string) => `${eventId}:${handler}`;

/**
 * Enqueues @HandlesEventInJob deliveries on the `events` queue. The job holds
 * ids only: the worker reads the event from the store, so no personal data
 * sits in Redis. Attempts and backoff are those of every event delivery.
 */
@Injectable()
export class EventJobs {
  constructor(
    @InjectQueue(QUEUES.events) private readonly queue: Queue<EventHandlerJob>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(eventId: string, handler: string): Promise<void> {
    const jobId = eventJobId(eventId, handler);
    // A job that failed for good is only retried when an admin retries its dead letter.
    const failed = await this.queue.getJob(jobId);
    if (failed && (await failed.isFailed())) await failed.remove();
    const env = this.config.env;
    await this.queue.add(
      EVENT_HANDLER_JOB,
      { eventId, handler },
      {
        jobId,
        attempts: env.EVENT_DELIVERY_MAX_ATTEMPTS,
        backoff: {
          type: 'cappedExponential',
          options: {
            delay: env.EVENT_DELIVERY_BACKOFF_MS,
            maxDelay: env.EVENT_DELIVERY_MAX_BACKOFF_MS,
          },
        },
      },
    );
  }
}
