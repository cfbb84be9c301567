import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A provider event, recorded once by id before anything acts on it. */
@Entity({ tableName: 'billing_webhook_events' })
@Index({
  name: 'billing_webhook_events_unprocessed_idx',
  expression:
    'create index "billing_webhook_events_unprocessed_idx" on "billing_webhook_events" ("subscription_id", "received_at") where "processed_at" is null',
})
export class BillingWebhookEvent {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text', nullable: true })
  objectId?: string | null;

  /** For an event whose processing syncs one subscription: that subscription (from the payload). */
  @Property({ type: 'text', nullable: true })
  subscriptionId?: string | null;

  /** `stripe` (webhook) or `local` (the local confirmation page). */
  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  processedAt?: Date | null;
}
