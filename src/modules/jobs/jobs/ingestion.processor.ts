import { InjectQueue, Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { auditContext } from '@lib/event-store';
import { JobSourceError } from '@lib/providers';
import { QUEUES, TracedProcess } from '@lib/queue';
import { RunIngestionCommand } from '../commands/run-ingestion/run-ingestion.command';
import { INGEST_JOB_SOURCE, type IngestJobSourceJob } from './ingestion-job';
import { enqueueIngestion } from './ingestion.scheduler';

/**
 * Worker side of ingestion: 429/5xx/timeouts retry with backoff; a malformed
 * body does not. A Retry-After replaces the backoff: the attempts left move to
 * a new job delayed by exactly that long.
 */
@Processor(QUEUES.scheduled)
export class IngestionProcessor {
  constructor(
    private readonly commands: CommandBus,
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue<IngestJobSourceJob>,
    private readonly config: AppConfig,
  ) {}

  @TracedProcess({ name: INGEST_JOB_SOURCE, concurrency: 1 })
  async ingest(job: Job<IngestJobSourceJob>): Promise<object> {
    try {
      return await auditContext.run(
        { actor: { type: 'system', id: 'jobs-ingestion' }, causationId: String(job.id) },
        () => this.commands.execute(new RunIngestionCommand(job.data.source)),
      );
    } catch (error) {
      if (error instanceof JobSourceError && !error.retryable) await job.discard();
      if (error instanceof JobSourceError && error.retryable && error.retryAfterSeconds) {
        await job.discard();
        const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1;
        if (attemptsLeft > 0) {
          // One id per step of the chain, named after the run it continues (not nested).
          const run = String(job.id).split(':retry-after:')[0];
          await enqueueIngestion(
            this.queue,
            this.config,
            job.data.source,
            `${run}:retry-after:${attemptsLeft}`,
            { delayMs: error.retryAfterSeconds * 1000, attempts: attemptsLeft },
          );
        }
      }
      throw error;
    }
  }
}
