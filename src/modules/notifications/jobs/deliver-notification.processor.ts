import { InjectQueue, Processor } from '@nestjs/bull';
import { Inject, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Job, Queue } from 'bull';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { auditContext, UnitOfWork } from '@lib/event-store';
import {
  InjectRedis,
  QUEUES,
  RedisBroadcast,
  TracedProcess,
  type CollapseNotificationsJob,
  type DeliverNotificationJob,
  type HeldPushJob,
} from '@lib/queue';
import { User } from '../../identity';
import { EmailRenderer, MailOutbox, type RenderedTemplate } from '../../mail';
import { Notification } from '../entities/notification.entity';
import {
  PUSH_CHANNEL,
  SUPPRESSION_CHECK,
  type PushChannel,
  type SuppressionCheck,
} from '../notification-channels';
import {
  inQuietHours,
  NotificationPreferencesReader,
  quietHoursLeftMs,
  type ResolvedPreferences,
} from '../notification-preferences';
import {
  notificationType,
  type Channel,
  type NotificationMessage,
  type RegisteredNotificationType,
} from '../notification-types';
import { burstKeys, CLOSE_BURST_SCRIPT, type BurstItem } from '../notifier';
import { NOTIFICATIONS_CHANNEL, type NotificationStreamMessage } from '../notification-stream';
import { UnsubscribeLinks } from '../unsubscribe-links';

type Outcome = 'sent' | 'duplicate' | `skipped:${string}` | `held:${string}`;

const HELD_PUSH_JOB = 'held-push';

/**
 * Fans one notification out to its channels. Each channel's send is claimed
 * in `notification_deliveries` (unique per user, type, subject and channel):
 * email and in-app claim in the same transaction that stores the email or the
 * inbox entry, so a retried job sends neither twice; push claims before the
 * call and is marked sent after it.
 */
@Processor(QUEUES.notifications)
export class DeliverNotificationProcessor {
  private readonly logger = new Logger(DeliverNotificationProcessor.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly preferences: NotificationPreferencesReader,
    private readonly renderer: EmailRenderer,
    private readonly outbox: MailOutbox,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly broadcast: RedisBroadcast,
    private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
    @Inject(PUSH_CHANNEL) private readonly push: PushChannel,
    @Inject(SUPPRESSION_CHECK) private readonly suppression: SuppressionCheck,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  @TracedProcess('deliver')
  deliver(job: Job<DeliverNotificationJob>): Promise<Record<Channel, Outcome>> {
    return auditContext.run(
      { actor: { type: 'system', id: 'notifications-worker' }, causationId: String(job.id) },
      () => this.fanOut(job.data),
    );
  }

  /** A burst's window closed: one notification for everything it collected. */
  @TracedProcess('collapse')
  async collapse(job: Job<CollapseNotificationsJob>): Promise<Record<Channel, Outcome> | null> {
    {
      const { userId, type, windowId } = job.data;
      const keys = burstKeys(userId, type);
      const key = keys.items(windowId);
      const raw = (await this.redis.eval(
        CLOSE_BURST_SCRIPT,
        1,
        keys.window,
        windowId,
        `${this.config.env.REDIS_PREFIX}:${key}`,
      )) as string[];
      const items = raw.map((item) => JSON.parse(item) as BurstItem);
      if (items.length === 0) return null;
      const single = items.length === 1;
      const result = await auditContext.run(
        { actor: { type: 'system', id: 'notifications-worker' }, causationId: String(job.id) },
        () =>
          this.fanOut({
            userId,
            type,
            subjectId: single ? items[0].subjectId : `burst:${windowId}`,
            payload: single
              ? items[0].payload
              : {
                  ...items.at(-1)!.payload,
                  count: items.length,
                  items: items.map((i) => i.payload),
                },
          }),
      );
      await this.redis.del(key);
      return result;
    }
  }

  async fanOut(data: DeliverNotificationJob): Promise<Record<Channel, Outcome>> {
    const definition = notificationType(data.type);
    if (!definition) throw new Error(`Unknown notification type ${data.type}`);
    const em = this.em.fork();
    const user = await em.findOne(User, data.userId);
    const outcomes = {} as Record<Channel, Outcome>;
    if (!user) {
      for (const channel of definition.channels) outcomes[channel] = 'skipped:no_user';
      return outcomes;
    }
    const preferences = await this.preferences.of(em, user.id);
    const language = user.preferences?.language ?? 'en';
    const count = typeof data.payload.count === 'number' ? data.payload.count : 1;
    const email = definition.email
      ? await this.renderer.renderById(definition.email.id, data.payload, {
          language,
          unsubscribeUrl: this.unsubscribe.url(user.id, definition.category),
        })
      : undefined;
    const message = definition.message
      ? definition.message(data.payload, language)
      : { title: email!.subject, body: email!.preview, url: email!.actionUrl };

    for (const channel of definition.channels) {
      const refusal = await this.refusal(definition, preferences, channel, user.email);
      if (refusal === 'quiet_hours') {
        outcomes.push = await this.holdPush(data, message, preferences);
        continue;
      }
      if (refusal) {
        outcomes[channel] = await this.recordSkip(data, channel, refusal);
        continue;
      }
      try {
        if (channel === 'email') outcomes.email = await this.sendEmail(data, user.email, email!);
        if (channel === 'inApp')
          outcomes.inApp = await this.storeInApp(data, definition, message, count);
        if (channel === 'push') outcomes.push = await this.sendPush(data, message);
      } catch (error) {
        this.logger.warn(`Notification ${data.type} ${channel} for ${data.userId} failed`);
        throw error;
      }
    }
    return outcomes;
  }

  /** A push held back by quiet hours: checked again, and sent, when they end. */
  @TracedProcess(HELD_PUSH_JOB)
  heldPush(job: Job<HeldPushJob>): Promise<Outcome> {
    return auditContext.run(
      { actor: { type: 'system', id: 'notifications-worker' }, causationId: String(job.id) },
      async () => {
        const { message, ...data } = job.data;
        const definition = notificationType(data.type);
        if (!definition) throw new Error(`Unknown notification type ${data.type}`);
        const em = this.em.fork();
        const user = await em.findOne(User, data.userId);
        if (!user) return 'skipped:no_user';
        const preferences = await this.preferences.of(em, user.id);
        const refusal = await this.refusal(definition, preferences, 'push', user.email);
        if (refusal === 'quiet_hours') return this.holdPush(data, message, preferences);
        if (refusal) return this.recordSkip(data, 'push', refusal);
        return this.sendPush(data, message);
      },
    );
  }

  /**
   * Delays the push until the user's quiet hours end (job id names that end, so a
   * retried fan-out holds it once and a push held again gets a job of its own).
   */
  private async holdPush(
    data: DeliverNotificationJob,
    message: NotificationMessage,
    preferences: ResolvedPreferences,
  ): Promise<Outcome> {
    const delay = quietHoursLeftMs(preferences.quietHours, preferences.timezone);
    const endsAt = Math.ceil((Date.now() + delay) / 60_000);
    const job: HeldPushJob = {
      ...data,
      message: { title: message.title, body: message.body, url: message.url },
    };
    await this.queue.add(HELD_PUSH_JOB, job, {
      jobId: `${HELD_PUSH_JOB}:${data.type}:${data.subjectId}:${data.userId}:${endsAt}`,
      delay,
    });
    return 'held:quiet_hours';
  }

  /** Why a channel must not be used for this user now, or null. */
  private async refusal(
    definition: RegisteredNotificationType,
    preferences: ResolvedPreferences,
    channel: Channel,
    email: string,
  ): Promise<string | null> {
    if (definition.critical) return null; // critical types ignore preferences
    if (!preferences.channels[definition.category][channel]) return 'preference';
    if (channel === 'email' && definition.digest) {
      if (preferences.jobAlertDigest !== definition.digest) return 'digest_frequency';
    }
    if (channel === 'push' && inQuietHours(preferences.quietHours, preferences.timezone)) {
      return 'quiet_hours';
    }
    if (channel === 'email' && (await this.suppression.isSuppressed(email))) return 'suppressed';
    return null;
  }

  /** Claims the (user, type, subject, channel) row; false when it already exists. */
  private async claim(
    em: EntityManager,
    data: DeliverNotificationJob,
    channel: Channel,
    status: 'pending' | 'sent' | 'skipped',
    detail: string | null,
  ): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `insert into notification_deliveries (id, user_id, type, subject_id, channel, status, detail, created_at, sent_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now(), case when ? = 'sent' then now() end)
       on conflict (user_id, type, subject_id, channel) do nothing returning id`,
      [data.userId, data.type, data.subjectId, channel, status, detail, status],
    );
    return rows.length > 0;
  }

  private async recordSkip(
    data: DeliverNotificationJob,
    channel: Channel,
    reason: string,
  ): Promise<Outcome> {
    const claimed = await this.claim(this.em.fork(), data, channel, 'skipped', reason);
    return claimed ? `skipped:${reason}` : 'duplicate';
  }

  private sendEmail(
    data: DeliverNotificationJob,
    address: string,
    email: RenderedTemplate,
  ): Promise<Outcome> {
    return this.uow
      .run(async (em) => {
        const messageId = this.outbox.queue(em, [address], email, {
          template: email.template,
          headers: email.headers,
        }).id;
        if (!(await this.claim(em, data, 'email', 'sent', messageId))) {
          // Already sent by an earlier attempt: the rollback drops this copy.
          throw new AlreadySent();
        }
        return 'sent' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadySent) return 'duplicate' as const;
        throw error;
      });
  }

  private async storeInApp(
    data: DeliverNotificationJob,
    definition: RegisteredNotificationType,
    message: NotificationMessage,
    count: number,
  ): Promise<Outcome> {
    const notification = new Notification();
    notification.userId = data.userId;
    notification.type = data.type;
    notification.category = definition.category;
    notification.title = message.title;
    notification.body = message.body;
    notification.url = message.url ?? null;
    notification.payload = data.payload;
    notification.count = count;
    const outcome = await this.uow
      .run(async (em) => {
        if (!(await this.claim(em, data, 'inApp', 'sent', notification.id)))
          throw new AlreadySent();
        em.persist(notification);
        return 'sent' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadySent) return 'duplicate' as const;
        throw error;
      });
    if (outcome === 'sent') {
      const live: NotificationStreamMessage = {
        kind: 'created',
        userId: data.userId,
        id: notification.id,
      };
      await this.broadcast
        .publish(NOTIFICATIONS_CHANNEL, JSON.stringify(live))
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'Live notification publish failed; streams resync'),
        );
    }
    return outcome;
  }

  private async sendPush(
    data: DeliverNotificationJob,
    message: NotificationMessage,
  ): Promise<Outcome> {
    const em = this.em.fork();
    const claimed = await this.claim(em, data, 'push', 'pending', null);
    if (!claimed) {
      const [row] = await em.execute<{ status: string }[]>(
        'select status from notification_deliveries where user_id = ? and type = ? and subject_id = ? and channel = ?',
        [data.userId, data.type, data.subjectId, 'push'],
      );
      if (row?.status !== 'pending') return 'duplicate';
      // An earlier attempt died between claim and send: push at least once.
    }
    await this.push.sendToUser(
      data.userId,
      {
        title: message.title,
        body: message.body,
        url: message.url,
        data: { type: data.type, subjectId: data.subjectId },
      },
      { key: `${data.type}:${data.subjectId}:${data.userId}` },
    );
    await em.execute(
      `update notification_deliveries set status = 'sent', sent_at = now()
       where user_id = ? and type = ? and subject_id = ? and channel = ?`,
      [data.userId, data.type, data.subjectId, 'push'],
    );
    return 'sent';
  }
}

class AlreadySent extends Error {}
