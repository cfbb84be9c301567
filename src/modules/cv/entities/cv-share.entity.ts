import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

export const SHARE_VISIBILITIES = ['public', 'password'] as const;
export type ShareVisibility = (typeof SHARE_VISIBILITIES)[number];

/**
 * The public link of a CV (at most one per CV). The slug is 128 random bits,
 * so links cannot be guessed; a password is stored only as a bcrypt hash.
 */
@Entity({ tableName: 'cv_shares' })
export class CvShare {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid', unique: true })
  cvId!: string;

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'text', unique: true })
  slug: string = randomBytes(16).toString('base64url');

  @Enum({ items: [...SHARE_VISIBILITIES] })
  visibility!: ShareVisibility;

  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  isExpired(now = new Date()): boolean {
    return !!this.expiresAt && this.expiresAt <= now;
  }
}
