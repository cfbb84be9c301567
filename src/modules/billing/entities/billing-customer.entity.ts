import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The provider's customer of a user: created once (idempotency key per user), kept for the portal. */
@Entity({ tableName: 'billing_customers' })
export class BillingCustomer {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text', unique: true })
  customerId!: string;

  /** `stripe` or `local`: a local customer means nothing to Stripe. */
  @Property({ type: 'text' })
  driver!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
