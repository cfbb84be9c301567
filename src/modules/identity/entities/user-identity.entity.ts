import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { OAuthProviderName } from '@lib/providers';

export { OAUTH_PROVIDERS, type OAuthProviderName } from '@lib/providers';

/**
 * An external identity (provider + the provider's stable subject id) linked to
 * a user. One per provider and user; a provider identity belongs to one user.
 * Provider tokens are not kept: sign-in needs them only for the profile call.
 */
@Entity({ tableName: 'user_identities' })
@Unique({ properties: ['provider', 'subject'] })
@Unique({ properties: ['userId', 'provider'] })
export class UserIdentity {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  provider!: OAuthProviderName;

  /** The provider's stable user id (OIDC `sub`, X user id, Facebook app-scoped id). */
  @Property({ type: 'text' })
  subject!: string;

  /** The email the provider reported at link time, if any (X reports none). */
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  /**
   * Linked while the account's email address was not yet verified: whoever
   * linked it may not own the address (account pre-takeover), so a password
   * reset, which proves the address, removes it.
   */
  @Property({ type: 'boolean', default: false })
  linkedWhileEmailUnverified: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
