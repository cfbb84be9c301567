import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * A product analytics event (`cv_created`, `cv_downloaded`, …) for in-house
 * reports. The table is partitioned by month on `occurred_at` (the migration
 * writes the DDL; `AnalyticsPartitions` keeps the partitions), so every key
 * includes it. `sourceEventId` is the domain event it was derived from, and
 * `occurredAt` that event's time: recording the same domain event twice
 * (at-least-once delivery) stores one row.
 */
@Entity({ tableName: 'analytics_events' })
@Index({ properties: ['name', 'occurredAt'] })
@Index({ properties: ['userId', 'occurredAt'] })
@Unique({ properties: ['sourceEventId', 'occurredAt'] })
export class AnalyticsEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid', nullable: true })
  userId?: string | null;

  /** The browser's GA client id for client events (anonymous ones have only this). */
  @Property({ type: 'text', nullable: true })
  clientId?: string | null;

  @Property({ type: 'json' })
  properties: Record<string, unknown> = {};

  @Property({ type: 'uuid', nullable: true })
  sourceEventId?: string | null;
}
