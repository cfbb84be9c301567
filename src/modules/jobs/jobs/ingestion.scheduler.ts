import { InjectQueue } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { QUEUES } from '@lib/queue';
import { JobSources } from '../job-sources.provider';
import { INGEST_JOB_SOURCE, type IngestJobSourceJob } from './ingestion-job';

/**
 * Every 10 minutes (and at boot) each active source gets a run per its
 * interval slot. The job id is `ingest:<source>:<slot>`, so however many
 * replicas tick, Bull holds one run per slot; the run itself also takes a lock.
 */
@Injectable()
export class IngestionScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue<IngestJobSourceJob>,
    private readonly sources: JobSources,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env.JOB_INGEST_SCHEDULE) void this.tick().catch(() => undefined);
  }

  @Cron(CronExpression.EVERY_10_MINUTES, { name: INGEST_JOB_SOURCE })
  async tick(now = Date.now()): Promise<void> {
    if (!this.config.env.JOB_INGEST_SCHEDULE) return;
    for (const source of this.sources.active()) {
      const slot = Math.floor(now / (source.intervalMinutes * 60_000));
      await enqueueIngestion(this.queue, this.config, source.name, `ingest:${source.name}:${slot}`);
    }
  }
}

export async function enqueueIngestion(
  queue: Queue<IngestJobSourceJob>,
  config: AppConfig,
  source: string,
  jobId: string,
  retry: { delayMs: number; attempts: number } | null = null,
): Promise<void> {
  await queue.add(
    INGEST_JOB_SOURCE,
    { source },
    {
      jobId,
      delay: retry?.delayMs,
      attempts: retry?.attempts ?? config.env.JOB_INGEST_ATTEMPTS,
      backoff: { type: 'exponential', delay: Math.max(config.env.QUEUE_BACKOFF_MS, 1) },
    },
  );
}
