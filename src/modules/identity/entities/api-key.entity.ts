import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { ApiKeyScopeName } from '@lib/authz';
import { AggregateRoot } from '@lib/event-store';
import { ApiKeyCreated, ApiKeyRevoked } from '../events/api-key.events';

/**
 * A Premium user's key for calling the API from their own code. Only the
 * sha-256 of the secret is stored (the secret is 32 random bytes, so a slow
 * hash adds nothing); the public prefix identifies the key in lists and logs.
 */
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['userId', 'createdAt'] })
export class ApiKey extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text', unique: true, hidden: true })
  secretHash!: string;

  @Property({ type: 'text[]' })
  scopes!: ApiKeyScopeName[];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  /** Updated at most once a minute per key (see ApiKeyUsage). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  static issue(fields: {
    userId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: ApiKeyScopeName[];
    expiresAt: Date | null;
  }): ApiKey {
    const key = new ApiKey();
    Object.assign(key, fields);
    key.raise(
      new ApiKeyCreated(key.id, {
        userId: key.userId,
        name: key.name,
        prefix: key.prefix,
        scopes: key.scopes,
        expiresAt: key.expiresAt?.toISOString() ?? null,
      }),
    );
    return key;
  }

  isUsable(now = new Date()): boolean {
    return !this.revokedAt && (!this.expiresAt || this.expiresAt > now);
  }

  /** Revoking twice changes nothing and records nothing. */
  revoke(at = new Date()): void {
    if (this.revokedAt) return;
    this.revokedAt = at;
    this.raise(new ApiKeyRevoked(this.id, { userId: this.userId, prefix: this.prefix }));
  }
}
