import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * A product analytics event (`cv_created`, `cv_downloaded`, …) for in-house
 * reports. `sourceEventId` is the domain event it was derived from: recording
 * the same domain event twice (at-least-once delivery) stores one row.
 */
@Entity({ tableName: 'analytics_events' })
@Index({ properties: ['name', 'occurredAt'] })
@Index({ properties: ['userId', 'occurredAt'] })
export class AnalyticsEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid', nullable: true })
  userId?: string | null;

  @Property({ type: 'json' })
  properties: Record<string, unknown> = {};

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'uuid', nullable: true, unique: true })
  sourceEventId?: string | null;
}
