import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES, type ProcessFileJob } from '@lib/queue';
import { FileUploaded } from '../events/file.events';

/**
 * Queues the scan of a new upload; job id = file id, so a redelivered event
 * adds nothing. Many attempts with capped backoff: a clamd outage of hours
 * leaves files pending, then they go through once clamd answers again.
 */
@Injectable()
@HandlesEvent(FileUploaded)
export class EnqueueProcessingHandler implements DomainEventHandler<FileUploaded> {
  constructor(
    @InjectQueue(QUEUES.files) private readonly queue: Queue<ProcessFileJob>,
    private readonly config: AppConfig,
  ) {}

  async handle(event: FileUploaded): Promise<void> {
    const env = this.config.env;
    await this.queue.add(
      'process',
      { fileId: event.streamId },
      {
        jobId: event.streamId,
        attempts: env.FILES_JOB_ATTEMPTS,
        backoff: {
          type: 'cappedExponential',
          options: { delay: env.QUEUE_BACKOFF_MS, maxDelay: env.FILES_RETRY_MAX_DELAY_MS },
        },
      },
    );
  }
}
