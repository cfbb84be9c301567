import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { JobOptions } from 'bull';
import { AppConfig } from '@lib/config';
import { DistributedLock } from './distributed-lock';
import { QueueDrainer } from './queue-drainer';
import { Queues } from './queues';
import { ALL_QUEUES } from './queue-names';
import { RedisModule } from './redis.module';

export function defaultJobOptions(config: AppConfig): JobOptions {
  return {
    attempts: config.env.QUEUE_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.env.QUEUE_BACKOFF_MS },
    removeOnComplete: 1000,
    removeOnFail: 5000,
  };
}

/**
 * Backoff strategy `cappedExponential` (every queue knows it): doubles from
 * `options.delay` but never waits longer than `options.maxDelay`, for jobs
 * that keep retrying through an outage of a dependency.
 */
export function cappedExponentialBackoff(
  attemptsMade: number,
  _error: unknown,
  options: { delay: number; maxDelay: number } | null,
): number {
  const { delay = 1000, maxDelay = 300_000 } = options ?? {};
  return Math.min(maxDelay, Math.round(delay * 2 ** Math.max(0, attemptsMade - 1)));
}

/** Bull on the shared Redis, every queue registered, plus Redis locks. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        RedisModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            url: config.env.REDIS_URL,
            prefix: `${config.env.REDIS_PREFIX}:bull`,
            defaultJobOptions: defaultJobOptions(config),
            settings: {
              backoffStrategies: { cappedExponential: cappedExponentialBackoff },
              lockDuration: config.env.QUEUE_LOCK_DURATION_MS,
              stalledInterval: config.env.QUEUE_STALLED_INTERVAL_MS,
            },
          }),
        }),
        queues,
      ],
      providers: [DistributedLock, QueueDrainer, Queues],
      exports: [queues, DistributedLock, Queues, RedisModule],
    };
  }
}
