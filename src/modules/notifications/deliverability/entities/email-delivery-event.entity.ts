import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One provider webhook message, kept once per svix-id: a redelivered webhook
 * finds its row and changes nothing. Records delivered / delayed / bounced /
 * complained events for support.
 */
@Entity({ tableName: 'email_delivery_events' })
@Index({ properties: ['providerEmailId'] })
export class EmailDeliveryEvent {
  /** `svix-id` of the webhook message. */
  @PrimaryKey({ type: 'text' })
  webhookId!: string;

  @Property({ type: 'text' })
  provider: string = 'resend';

  /** e.g. `email.bounced`. */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text', nullable: true })
  providerEmailId?: string | null;

  @Property({ type: 'jsonb' })
  recipients: string[] = [];

  /** For bounces: Permanent / Transient / Undetermined. */
  @Property({ type: 'text', nullable: true })
  bounceType?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  occurredAt?: Date | null;

  @Property({ type: 'timestamptz' })
  receivedAt: Date = new Date();
}
