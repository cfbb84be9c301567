import { Injectable, Logger } from '@nestjs/common';
import { RedisBroadcast } from '@lib/queue';
import { NOTIFICATIONS_CHANNEL, type NotificationStreamMessage } from './notification-stream';

/** Tells every replica's live streams that a user's unread count changed (best effort). */
@Injectable()
export class InboxChanges {
  private readonly logger = new Logger(InboxChanges.name);

  constructor(private readonly broadcast: RedisBroadcast) {}

  async countChanged(userId: string): Promise<void> {
    const message: NotificationStreamMessage = { kind: 'count', userId };
    await this.broadcast
      .publish(NOTIFICATIONS_CHANNEL, JSON.stringify(message))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Unread count publish failed'));
  }
}
