import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { DistributedLock } from '@lib/queue';
import { JobSourceError } from '@lib/providers';
import { AnalyticsRecorder } from '../../../analytics';
import { isPaused, JobSourceHealth } from '../../entities/job-source-health.entity';
import { JobSourceIngested } from '../../events/jobs.events';
import { JobSources } from '../../job-sources.provider';
import { followedBoards } from '../../services/followed-boards';
import { expireMissing, ingestPostings, type IngestCounts } from '../../services/ingest-postings';
import { RunIngestionCommand } from './run-ingestion.command';

const LOCK_TTL_MS = 10 * 60_000;

async function healthOf(em: EntityManager, source: string): Promise<JobSourceHealth> {
  const existing = await em.findOne(JobSourceHealth, { source });
  if (existing) return existing;
  const health = new JobSourceHealth();
  health.source = source;
  em.persist(health);
  return health;
}

/**
 * One source's run, once across replicas (a Redis lock per source): fetch
 * outside any transaction, then store, dedupe and expire in one unit of work
 * with the `jobs.source_ingested` event. A failure is recorded in the source's
 * health and rethrown so the queue retries it; a Retry-After pauses the source
 * (`pausedUntil`), and a run that starts while it is paused does not call it.
 */
@CommandHandler(RunIngestionCommand)
export class RunIngestionHandler implements ICommandHandler<RunIngestionCommand> {
  private readonly logger = new Logger(RunIngestionHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: JobSources,
    private readonly lock: DistributedLock,
    private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly analytics: AnalyticsRecorder,
  ) {}

  async execute({ source }: RunIngestionCommand): Promise<{ ran: boolean; counts?: IngestCounts }> {
    const adapter = this.sources.adapter(source);
    if (!adapter) return { ran: false };
    const health = await this.em.fork().findOne(JobSourceHealth, { source });
    if (isPaused(health, new Date())) return { ran: false };
    const outcome = await this.lock.runExclusive(`jobs:ingest:${source}`, LOCK_TTL_MS, () =>
      this.run(source),
    );
    return outcome.ran ? { ran: true, counts: outcome.value } : { ran: false };
  }

  private async run(source: string): Promise<IngestCounts> {
    const adapter = this.sources.adapter(source)!;
    const startedAt = new Date();
    let batch;
    try {
      const boards = this.sources.isBoardSource(source)
        ? await followedBoards(this.em.fork(), this.sources, source)
        : undefined;
      batch = await adapter.fetch({
        maxPostings: this.config.env.JOB_INGEST_MAX_POSTINGS,
        now: startedAt,
        boards,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ source, err: error }, 'Job source run failed');
      await this.uow.run(async (em) => {
        const health = await healthOf(em, source);
        health.recordFailure(
          new Date(),
          message,
          error instanceof JobSourceError ? error.retryAfterSeconds : undefined,
        );
      });
      await this.recordRun('job_ingestion_failed', source, { fetched: 0 });
      throw error instanceof JobSourceError ? error : new JobSourceError(source, message, true);
    }
    const counts = await this.uow.run(async (em, events) => {
      const now = new Date();
      const counts = await ingestPostings(em, batch.postings, now);
      counts.skipped += batch.skipped;
      await em.flush();
      counts.expired = await expireMissing(em, batch.complete ? source : null, startedAt, now);
      const health = await healthOf(em, source);
      health.recordSuccess(now, counts);
      if (counts.added + counts.merged + counts.updated + counts.expired > 0) {
        events.record(new JobSourceIngested(source, counts));
      }
      return counts;
    });
    await this.recordRun('job_ingestion_succeeded', source, {
      fetched: batch.postings.length + batch.skipped,
      added: counts.added,
    });
    return counts;
  }

  /** The admin dashboard's ingestion health; a lost record must not fail the run. */
  private async recordRun(
    name: 'job_ingestion_succeeded' | 'job_ingestion_failed',
    source: string,
    properties: Record<string, number>,
  ): Promise<void> {
    await this.analytics
      .record({ name, userId: null, properties: { source, ...properties } })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Recording the run failed'));
  }
}
