import { InjectQueue } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { QUEUES } from '@lib/queue';
import { SOCIAL_COLLECT_METRICS, SOCIAL_REFRESH_TOKENS } from './social-jobs';

/**
 * Every SOCIAL_SCHEDULE_INTERVAL_MS each worker replica enqueues the token
 * refresh and the metrics collection of the current slot; the job ids carry the
 * slot, so however many replicas tick, each runs once per slot.
 */
@Injectable()
export class SocialScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.SOCIAL_SCHEDULE) return;
    const interval = this.config.env.SOCIAL_SCHEDULE_INTERVAL_MS;
    this.timer = setInterval(() => void this.tick().catch(() => undefined), interval);
    this.timer.unref();
    void this.tick().catch(() => undefined);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async tick(now = Date.now()): Promise<void> {
    const slot = Math.floor(now / this.config.env.SOCIAL_SCHEDULE_INTERVAL_MS);
    const options = { attempts: 1, removeOnComplete: 100, removeOnFail: 100 };
    await this.queue.add(
      SOCIAL_REFRESH_TOKENS,
      {},
      { ...options, jobId: `social-refresh:${slot}` },
    );
    await this.queue.add(
      SOCIAL_COLLECT_METRICS,
      {},
      { ...options, jobId: `social-metrics:${slot}` },
    );
  }
}
