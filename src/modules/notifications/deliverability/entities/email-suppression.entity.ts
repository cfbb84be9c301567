import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/** Why an address gets no more non-critical mail. */
export type SuppressionReason = 'hard_bounce' | 'complaint';

/**
 * An address that hard-bounced or complained: non-critical mail skips it.
 * `email` is stored lower-cased (one row per address).
 */
@Entity({ tableName: 'email_suppressions' })
@Index({ properties: ['createdAt', 'id'] })
export class EmailSuppression {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text' })
  reason!: SuppressionReason;

  /** What the receiving server or the provider said. */
  @Property({ type: 'text', nullable: true })
  detail?: string | null;

  /** The provider's id of the email that bounced or was complained about. */
  @Property({ type: 'text', nullable: true })
  providerEmailId?: string | null;

  /** The webhook message (svix-id) that caused it. */
  @Property({ type: 'text', nullable: true })
  webhookId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
