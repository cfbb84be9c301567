export { DistributedLock } from './distributed-lock';
export {
  ALL_QUEUES,
  QUEUES,
  type QueueName,
  type PasswordResetJob,
  type ProcessFileJob,
  type SendMailJob,
} from './queue-names';
export { cappedExponentialBackoff, defaultJobOptions, QueueModule } from './queue.module';
export { Queues } from './queues';
export { InjectRedis, REDIS, RedisModule } from './redis.module';
