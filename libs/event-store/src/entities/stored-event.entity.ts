import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { EventMetadata } from '../domain-event';

/**
 * One row of the append-only event store. Rows are written with raw SQL by
 * EventStore (under the chain lock); the entity exists so that MikroORM knows
 * the table and schema diffs never propose to drop it.
 */
@Entity({ tableName: 'event_store' })
@Unique({ properties: ['streamType', 'streamId', 'version'] })
@Index({ properties: ['type', 'seq'] })
@Index({ properties: ['occurredAt'] })
@Index({
  name: 'event_store_unpublished_index',
  expression:
    'create index "event_store_unpublished_index" on "event_store" ("seq") where "published_at" is null',
})
@Index({
  name: 'event_store_actor_index',
  expression: `create index "event_store_actor_index" on "event_store" ((metadata->'actor'->>'id'), "seq")`,
})
@Index({ name: 'event_store_stream_index', properties: ['streamType', 'streamId', 'seq'] })
export class StoredEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'bigint', autoincrement: true, unique: true, columnType: 'bigserial' })
  seq!: string;

  @Property({ type: 'text' })
  streamType!: string;

  @Property({ type: 'text' })
  streamId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'json' })
  metadata!: EventMetadata;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'text' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;
}
