export { DistributedLock } from './distributed-lock';
export { runInJobSpan, TracedProcess, type TracedJobOptions } from './job-tracing';
export {
  ALL_QUEUES,
  QUEUES,
  type QueueName,
  type CollapseNotificationsJob,
  type DeliverNotificationJob,
  type BillingEventJob,
  type SendCampaignJob,
  type HookDeliveryJob,
  type BuildDataExportJob,
  type HeldPushJob,
  type EventHandlerJob,
  type RunCvExportJob,
  type PasswordResetJob,
  type ProcessFileJob,
  type PushDeliveryJob,
  type SendMailJob,
} from './queue-names';
export { cappedExponentialBackoff, defaultJobOptions, QueueModule } from './queue.module';
export { Queues } from './queues';
export { requeueLostJobs, type RequeueOutcome } from './requeue-lost-jobs';
export { InjectRedis, REDIS, RedisModule } from './redis.module';
export { RedisBroadcast, type BroadcastListener } from './redis-broadcast';
