import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The first answer to a POST sent with an `Idempotency-Key`, per caller (a user, or one
 * API key), kept 24 hours. `completedAt` null: the first request is still running.
 */
@Entity({ tableName: 'idempotency_records' })
@Index({ properties: ['expiresAt'] })
@Index({ properties: ['userId'] })
export class IdempotencyRecord {
  /** `user:<id>` or `key:<api key id>`. */
  @PrimaryKey({ type: 'text' })
  owner!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** Whose request it was (an API key's owner too): erased with the account. */
  @Property({ type: 'uuid' })
  userId!: string;

  /** SHA-256 of method, route and canonical JSON body. */
  @Property({ type: 'text' })
  fingerprint!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lockedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'smallint', nullable: true })
  responseStatus?: number | null;

  /** The answer's headers worth replaying (`Location`, `ETag`). */
  @Property({ type: 'json', nullable: true })
  responseHeaders?: Record<string, string> | null;

  /** The JSON body as sent; null for an empty body. */
  @Property({ type: 'text', nullable: true })
  responseBody?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;
}
