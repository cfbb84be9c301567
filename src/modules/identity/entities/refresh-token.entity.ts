import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/**
 * One refresh token of a session (a family). Only its sha-256 is stored; the
 * plaintext is kept encrypted for the short grace window in which a client that
 * lost the response may present the parent again and get this same token back.
 */
@Entity({ tableName: 'refresh_tokens' })
@Index({ properties: ['userId', 'familyId'] })
@Index({ properties: ['familyId'] })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'text', hidden: true })
  tokenCiphertext!: string;

  /** The access token issued together with this refresh token. */
  @Property({ type: 'uuid' })
  accessJti!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  accessExpiresAt!: Date;

  /** Absolute end of the whole family (first login + 7 days). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  familyExpiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  replacedById?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  /** An admin's read-only impersonation session: that admin (its token cannot be refreshed). */
  @Property({ type: 'uuid', nullable: true })
  impersonatedBy?: string | null;

  /** Why the admin impersonates the user (shown to the user in their sessions). */
  @Property({ type: 'text', nullable: true })
  impersonationReason?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
