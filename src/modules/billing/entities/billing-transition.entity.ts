import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A billing transition that tells the user something (confirmed, payment
 * failed, cancelled, ended, grace over, credits bought). Its key is natural
 * (`confirmed:<subscription>:<plan>`…), so each one, and its email, happens once.
 */
@Entity({ tableName: 'billing_transitions' })
@Index({ properties: ['userId'] })
export class BillingTransition {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text', nullable: true })
  subscriptionId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
