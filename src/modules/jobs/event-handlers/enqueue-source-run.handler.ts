import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES } from '@lib/queue';
import { JobSourceRunRequested } from '../events/jobs.events';
import type { IngestJobSourceJob } from '../jobs/ingestion-job';
import { enqueueIngestion } from '../jobs/ingestion.scheduler';

/** Queues the run an admin asked for; the job id is the run id, so a redelivered event adds nothing. */
@Injectable()
@HandlesEvent(JobSourceRunRequested)
export class EnqueueSourceRunHandler implements DomainEventHandler<JobSourceRunRequested> {
  constructor(
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue<IngestJobSourceJob>,
    private readonly config: AppConfig,
  ) {}

  async handle(event: JobSourceRunRequested): Promise<void> {
    await enqueueIngestion(this.queue, this.config, event.streamId, event.payload.runId);
  }
}
