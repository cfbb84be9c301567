import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export type UserTokenPurpose =
  | 'email_verification'
  | 'password_reset'
  /** Sent to the new address of a change: confirms it. */
  | 'email_change'
  /** Sent to the old address of a change: "this wasn't me". */
  | 'email_change_cancel';

export const USER_TOKEN_PURPOSES: UserTokenPurpose[] = [
  'email_verification',
  'password_reset',
  'email_change',
  'email_change_cancel',
];

/** A single-use, expiring token sent by email. Only its sha-256 is stored. */
@Entity({ tableName: 'user_tokens' })
@Index({ properties: ['userId', 'purpose'] })
export class UserToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: USER_TOKEN_PURPOSES })
  purpose!: UserTokenPurpose;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
