import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { QUEUES, TracedProcess } from '@lib/queue';
import { Ga4Forwarding } from '../forwarding/ga4-forwarding';
import { AnalyticsPartitions } from '../storage/analytics-partitions';
import { QueueDepthSampler, type QueueSample } from '../storage/queue-depth-sampler';
import {
  AnalyticsRollups,
  ROLLUP_COHORT_DAYS,
  ROLLUP_RECENT_DAYS,
} from '../storage/analytics-rollups';

export const ANALYTICS_ROLLUP_JOB = 'analytics-rollup';
export const ANALYTICS_NIGHTLY_JOB = 'analytics-nightly';
export const ANALYTICS_GA4_FORWARD_JOB = 'analytics-ga4-forward';
export const ANALYTICS_QUEUE_SAMPLE_JOB = 'analytics-queue-sample';

/** Cron ticks fire on every worker replica; each enqueues one job whose id is its slot. */
@Injectable()
export class AnalyticsMaintenanceScheduler {
  constructor(
    @InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue,
    private readonly forwarding: Ga4Forwarding,
  ) {}

  /** Events to GA4 (when configured) every 15 seconds. */
  @Cron('*/15 * * * * *', { name: ANALYTICS_GA4_FORWARD_JOB })
  async forwardTick(now = new Date()): Promise<void> {
    if (!this.forwarding.enabled) return;
    const slot = Math.floor(now.getTime() / 15_000);
    await this.scheduled.add(
      ANALYTICS_GA4_FORWARD_JOB,
      { slot },
      { jobId: `${ANALYTICS_GA4_FORWARD_JOB}:${slot}` },
    );
  }

  /** Today's and yesterday's rollups, every 10 minutes. */
  @Cron(CronExpression.EVERY_10_MINUTES, { name: ANALYTICS_ROLLUP_JOB })
  async rollupTick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 15);
    await this.scheduled.add(
      ANALYTICS_ROLLUP_JOB,
      { slot },
      { jobId: `${ANALYTICS_ROLLUP_JOB}:${slot}` },
    );
  }

  /** Queue depths and failed jobs into today's rollups, every 5 minutes. */
  @Cron(CronExpression.EVERY_5_MINUTES, { name: ANALYTICS_QUEUE_SAMPLE_JOB })
  async queueSampleTick(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / 300_000);
    await this.scheduled.add(
      ANALYTICS_QUEUE_SAMPLE_JOB,
      { slot },
      { jobId: `${ANALYTICS_QUEUE_SAMPLE_JOB}:${slot}` },
    );
  }

  /** Partitions (create ahead, drop past retention) and the cohort days' rollups, nightly. */
  @Cron('20 0 * * *', { name: ANALYTICS_NIGHTLY_JOB, timeZone: 'UTC' })
  async nightlyTick(now = new Date()): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    await this.scheduled.add(
      ANALYTICS_NIGHTLY_JOB,
      { day },
      { jobId: `${ANALYTICS_NIGHTLY_JOB}:${day}` },
    );
  }
}

@Processor(QUEUES.scheduled)
export class AnalyticsMaintenanceProcessor {
  constructor(
    private readonly partitions: AnalyticsPartitions,
    private readonly rollups: AnalyticsRollups,
    private readonly config: AppConfig,
    private readonly forwarding: Ga4Forwarding,
    private readonly queueDepths: QueueDepthSampler,
  ) {}

  @TracedProcess(ANALYTICS_QUEUE_SAMPLE_JOB)
  sampleQueues(): Promise<QueueSample[]> {
    return this.queueDepths.sample();
  }

  @TracedProcess(ANALYTICS_GA4_FORWARD_JOB)
  forward(): Promise<number> {
    return this.forwarding.forwardPending();
  }

  @TracedProcess(ANALYTICS_ROLLUP_JOB)
  rollup(): Promise<string[]> {
    return this.rollups.recomputeRecent(ROLLUP_RECENT_DAYS);
  }

  @TracedProcess(ANALYTICS_NIGHTLY_JOB)
  async nightly(): Promise<{ created: string[]; dropped: string[]; days: number }> {
    const partitions = await this.partitions.maintain(this.config.env.ANALYTICS_RETENTION_MONTHS);
    const days = await this.rollups.recomputeRecent(ROLLUP_COHORT_DAYS);
    return { ...partitions, days: days.length };
  }
}
