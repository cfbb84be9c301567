import { BullModule, getQueueToken } from '@nestjs/bull';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { DistributedLock } from './distributed-lock';
import { JobTraceContext } from './job-tracing';
import { QueueDrainer } from './queue-drainer';
import { Queues } from './queues';
import { ALL_QUEUES } from './queue-names';
import { RedisBroadcast } from './redis-broadcast';
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
 * that keep retrying through an outage of a dependency. An error carrying
 * `retryAfterMs` (a provider's Retry-After) waits at least that long, up to `maxDelay`.
 */
export function cappedExponentialBackoff(
  attemptsMade: number,
  error: unknown,
  options: { delay: number; maxDelay: number } | null,
): number {
  const { delay = 1000, maxDelay = 300_000 } = options ?? {};
  const exponential = Math.round(delay * 2 ** Math.max(0, attemptsMade - 1));
  const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  const retryAfter = typeof asked === 'number' && asked > 0 ? asked : 0;
  return Math.min(maxDelay, Math.max(exponential, retryAfter));
}

/**
 * Connection options of Bull's Redis clients. Bull's defaults wait up to 20 s
 * between reconnects and keep a command queued for minutes while Redis is down:
 * an enqueue after a commit then held its request (and the event rows it was
 * publishing) that long. Here clients reconnect at most a second apart, so jobs
 * flow again about a second after Redis is back, and a command fails after a few
 * seconds of outage: the caller answers, and the outbox relay enqueues later.
 * (Bull's blocking and subscriber clients keep retrying for ever, as they must.)
 */
export const BULL_REDIS_OPTIONS = {
  maxRetriesPerRequest: 5,
  retryStrategy: (times: number) => Math.min(times * 250, 1000),
};

/**
 * Each named processor of a queue waits for the queue's client to be ready with
 * one listener of its own; a queue with more than ten job names (the scheduled
 * queue) then trips Node's leak warning at boot. The listeners go once the
 * client is ready, so the limit is raised for the queue clients only.
 */
const queueClientListenerLimit = {
  provide: 'QUEUE_CLIENT_LISTENER_LIMIT',
  inject: ALL_QUEUES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => {
    for (const queue of queues) queue.client.setMaxListeners(64);
    return true;
  },
};

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
            redis: BULL_REDIS_OPTIONS,
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
      providers: [
        DistributedLock,
        QueueDrainer,
        Queues,
        RedisBroadcast,
        JobTraceContext,
        queueClientListenerLimit,
      ],
      exports: [queues, DistributedLock, Queues, RedisModule, RedisBroadcast],
    };
  }
}
