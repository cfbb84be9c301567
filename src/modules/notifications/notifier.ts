import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { uuidv7 } from 'uuidv7';
import { AppConfig } from '@lib/config';
import {
  InjectRedis,
  QUEUES,
  type CollapseNotificationsJob,
  type DeliverNotificationJob,
} from '@lib/queue';
import { notificationType, type RegisteredNotificationType } from './notification-types';

export interface NotifyOptions {
  /**
   * What the notification is about (an invoice id, a job-alert run id…). With
   * the type and user it is the natural key: notifying twice about the same
   * subject sends once. Default: a new id (every call is a new notification).
   */
  subjectId?: string;
}

/** One item of a burst waiting in Redis for its window to close. */
export interface BurstItem {
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Adds an item to the open burst (KEYS[1] holds its id), opening one when none is:
 * ARGV = new window id, window ms, items key prefix, item, items TTL ms. Returns the window id.
 */
const COLLECT_SCRIPT = `
local id = redis.call('GET', KEYS[1])
if not id then
  id = ARGV[1]
  redis.call('SET', KEYS[1], id, 'PX', ARGV[2])
end
local items = ARGV[3] .. id
redis.call('RPUSH', items, ARGV[4])
redis.call('PEXPIRE', items, ARGV[5])
return id`;

/**
 * Closes a burst (its window key no longer names it, so nothing more joins) and
 * returns its items: KEYS[1] = window key; ARGV = window id, items key.
 */
export const CLOSE_BURST_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return redis.call('LRANGE', ARGV[2], 0, -1)`;

/** Redis keys of bursts (the client adds REDIS_PREFIX). */
export const burstKeys = (userId: string, type: string) => ({
  window: `notify:window:${userId}:${type}`,
  items: (windowId: string) => `notify:burst:${windowId}`,
});

/**
 * The one way modules notify a user: `notify(userId, type, payload)`. It only
 * enqueues (one Bull job, job id = natural key), so it fits in an event handler
 * right after a commit; a worker reads the type and the user's preferences and
 * fans out to email, in-app and push.
 */
@Injectable()
export class Notifier {
  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async notify(
    userId: string,
    type: string,
    payload: Record<string, unknown>,
    options: NotifyOptions = {},
  ): Promise<void> {
    const definition = notificationType(type);
    if (!definition) throw new Error(`Unknown notification type ${type}`);
    const subjectId = options.subjectId ?? uuidv7();
    if (definition.collapse) {
      await this.collect(definition, userId, { subjectId, payload });
      return;
    }
    const job: DeliverNotificationJob = { userId, type, subjectId, payload };
    await this.queue.add('deliver', job, { jobId: `${type}:${subjectId}:${userId}` });
  }

  /**
   * Adds the notification to the user's open burst of this type, opening one
   * (and scheduling its end) when none is open. Every call schedules the same
   * job id, so a crash between the two steps loses nothing.
   */
  private async collect(
    definition: RegisteredNotificationType,
    userId: string,
    item: BurstItem,
  ): Promise<void> {
    const seconds =
      definition.collapse?.seconds ?? this.config.env.NOTIFICATION_COLLAPSE_WINDOW_SECONDS;
    const windowMs = seconds * 1000;
    const keys = burstKeys(userId, definition.type);
    // One script: the window that takes the item is the one open at that instant, so an
    // item never lands in a burst whose collapse job has already closed it.
    const windowId = (await this.redis.eval(
      COLLECT_SCRIPT,
      1,
      keys.window,
      uuidv7(),
      windowMs,
      `${this.config.env.REDIS_PREFIX}:${keys.items('')}`,
      JSON.stringify(item),
      windowMs * 10 + 86_400_000,
    )) as string;
    const job: CollapseNotificationsJob = { userId, type: definition.type, windowId };
    await this.queue.add('collapse', job, { jobId: `collapse:${windowId}`, delay: windowMs });
  }
}
