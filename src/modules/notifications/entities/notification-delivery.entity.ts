import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export type DeliveryStatus = 'pending' | 'sent' | 'skipped';

/**
 * One channel's send of one notification: at most one row per (user, type,
 * subject, channel), claimed in the same transaction as the send itself, so a
 * retried job never sends twice. Skips are recorded with their reason.
 */
@Entity({ tableName: 'notification_deliveries' })
@Unique({ properties: ['userId', 'type', 'subjectId', 'channel'] })
export class NotificationDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  subjectId!: string;

  @Property({ type: 'text' })
  channel!: string;

  @Enum({ items: ['pending', 'sent', 'skipped'] })
  status!: DeliveryStatus;

  /** Why it was skipped (preference, quiet_hours, suppressed, no_device…), or the sent message's id. */
  @Property({ type: 'text', nullable: true })
  detail?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}
