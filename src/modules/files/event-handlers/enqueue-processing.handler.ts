import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES, type ProcessFileJob } from '@lib/queue';
import { FileUploaded } from '../events/file.events';
import { PROCESS_FILE_JOB, processingJobOptions } from '../jobs/processing-job';

/** Queues the scan of a new upload; a redelivered event adds nothing (job id = file id). */
@Injectable()
@HandlesEvent(FileUploaded)
export class EnqueueProcessingHandler implements DomainEventHandler<FileUploaded> {
  constructor(
    @InjectQueue(QUEUES.files) private readonly queue: Queue<ProcessFileJob>,
    private readonly config: AppConfig,
  ) {}

  async handle(event: FileUploaded): Promise<void> {
    await this.queue.add(
      PROCESS_FILE_JOB,
      { fileId: event.streamId },
      processingJobOptions(this.config, event.streamId),
    );
  }
}
