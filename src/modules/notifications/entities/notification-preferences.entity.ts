import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Channel, NotificationCategory } from '../notification-types';

export type ChannelChoices = Partial<Record<Channel, boolean>>;
export type DigestFrequency = 'instant' | 'daily' | 'weekly' | 'off';

export interface QuietHours {
  /** "22:00", in `timezone`. */
  start: string;
  /** "07:00"; may be earlier than start (the quiet time spans midnight). */
  end: string;
}

/**
 * A user's notification choices: only what differs from the category defaults
 * is stored, so a new category or channel gets its default.
 */
@Entity({ tableName: 'notification_preferences' })
export class NotificationPreferences {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'json', defaultRaw: `'{}'` })
  channels: Partial<Record<NotificationCategory, ChannelChoices>> = {};

  /** No push during these hours (critical notifications excepted). */
  @Property({ type: 'json', nullable: true })
  quietHours?: QuietHours | null;

  /** IANA time zone of the quiet hours and of digests. */
  @Property({ type: 'text', default: 'UTC' })
  timezone: string = 'UTC';

  @Property({ type: 'text', default: 'daily' })
  jobAlertDigest: DigestFrequency = 'daily';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
