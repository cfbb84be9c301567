import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export type DeliveryStatus = 'pending' | 'done' | 'dead';

/**
 * The delivery of one event to one handler, recorded once a first attempt
 * failed (an event whose handlers all succeed at once leaves no rows). Each
 * delivery retries on its own with backoff; after the last attempt it is a
 * dead letter that an admin may retry. Written with raw SQL by EventDeliveries.
 */
@Entity({ tableName: 'event_deliveries' })
@Unique({ properties: ['eventId', 'handler'] })
@Index({
  name: 'event_deliveries_due_index',
  expression:
    'create index "event_deliveries_due_index" on "event_deliveries" ("next_attempt_at") where "status" = \'pending\'',
})
@Index({ properties: ['status', 'createdAt', 'id'] })
export class EventDelivery {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  /** Class name of the @HandlesEvent provider. */
  @Property({ type: 'text' })
  handler!: string;

  @Property({ type: 'text' })
  status!: DeliveryStatus;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt!: Date;
}
