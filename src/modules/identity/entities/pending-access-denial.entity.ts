import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An access token whose denial Redis refused after the revocation committed
 * (logout, refresh-token reuse, disabled account). The sweep writes it to the
 * denylist once Redis answers again and then forgets it.
 */
@Entity({ tableName: 'pending_access_denials' })
export class PendingAccessDenial {
  @PrimaryKey({ type: 'uuid' })
  jti!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
