import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * One entry of a user's in-app inbox. Ids are UUIDv7 (time-ordered), so the
 * live stream resumes after an id (`Last-Event-ID`).
 */
@Entity({ tableName: 'notifications' })
@Index({
  name: 'notifications_user_id_read_at_created_at_index',
  expression:
    'create index "notifications_user_id_read_at_created_at_index" on "notifications" ("user_id", "read_at", "created_at" desc)',
})
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text', nullable: true })
  url?: string | null;

  /** The payload the sender passed (what a client needs to render it richer). */
  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  /** How many notifications this one stands for (a collapsed burst > 1). */
  @Property({ type: 'integer', default: 1 })
  count: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  seenAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
