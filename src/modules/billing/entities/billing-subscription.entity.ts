import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Tier } from '@lib/authz';
import type { SubscriptionStatus } from '@lib/providers';

/**
 * Our copy of a provider subscription, upserted from the object fetched from
 * the provider (never from an event's embedded copy). `syncSeq` orders the
 * fetches: a fetch that started before the stored one changes nothing.
 */
@Entity({ tableName: 'billing_subscriptions' })
@Index({ properties: ['userId'] })
@Index({ properties: ['status', 'graceUntil'] })
export class BillingSubscription {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  customerId!: string;

  @Property({ type: 'text' })
  status!: SubscriptionStatus;

  @Property({ type: 'text', nullable: true })
  priceId?: string | null;

  /** The paid tier its price stands for (null: a price we do not sell). */
  @Property({ type: 'text', nullable: true })
  plan?: Exclude<Tier, 'free'> | null;

  @Property({ type: 'text', nullable: true })
  interval?: 'month' | 'year' | null;

  @Property({ type: 'integer', default: 0 })
  amountCents: number = 0;

  /** The subscription item's quantity: the seats of the owner's teams on a team plan. */
  @Property({ type: 'integer', default: 1 })
  seats: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  currentPeriodEnd?: Date | null;

  @Property({ type: 'boolean', default: false })
  cancelAtPeriodEnd: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  canceledAt?: Date | null;

  /** When it turned past_due; the plan stays until `graceUntil`. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  pastDueSince?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  graceUntil?: Date | null;

  @Property({ type: 'bigint', default: 0 })
  syncSeq: string = '0';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
