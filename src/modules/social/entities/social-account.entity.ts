import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { SocialNetworkName } from '@lib/providers';

export type SocialAccountStatus = 'connected' | 'reconnect_required';
export type SocialAccountHealth = 'connected' | 'expiring' | 'reconnect_required';

/** Tokens without a refresh token are flagged `expiring` this long before they lapse. */
export const EXPIRY_WARNING_MS = 7 * 86_400_000;

/**
 * A network identity (member, page, Instagram account) a user connected. Tokens are
 * sealed with the data key (bound to the row) and never leave the module.
 */
@Entity({ tableName: 'social_accounts' })
@Unique({ properties: ['userId', 'network', 'remoteId'] })
@Index({ properties: ['userId', 'createdAt'] })
@Index({ properties: ['tokenExpiresAt'] })
export class SocialAccount {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  network!: SocialNetworkName;

  @Property({ type: 'text' })
  remoteId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  handle?: string | null;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  accessTokenSealed!: string;

  @Property({ type: 'text', nullable: true })
  refreshTokenSealed?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  tokenExpiresAt?: Date | null;

  @Property({ type: 'json' })
  scopes: string[] = [];

  @Property({ type: 'text' })
  status: SocialAccountStatus = 'connected';

  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  /** IANA zone the queue slots are read in. */
  @Property({ type: 'text' })
  timezone: string = 'UTC';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  health(now = new Date()): SocialAccountHealth {
    if (this.status === 'reconnect_required') return 'reconnect_required';
    if (this.tokenExpiresAt && this.tokenExpiresAt.getTime() <= now.getTime()) {
      return !this.refreshTokenSealed ? 'reconnect_required' : 'expiring';
    }
    if (
      !this.refreshTokenSealed &&
      this.tokenExpiresAt &&
      this.tokenExpiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS
    ) {
      return 'expiring';
    }
    return 'connected';
  }
}
