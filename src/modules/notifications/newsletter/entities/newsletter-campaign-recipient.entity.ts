import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export type RecipientState = 'pending' | 'sent' | 'failed' | 'suppressed';

/**
 * One subscriber of a campaign's audience, fixed when sending starts. Pending
 * rows are sent in their `batch` (up to 100 per provider call); a row becomes
 * `sent` in the statement that stores the provider's message id. Suppressed
 * addresses are kept as `suppressed` rows and never mailed.
 */
@Entity({ tableName: 'newsletter_campaign_recipients' })
@Unique({ properties: ['campaignId', 'subscriberId'] })
@Index({ properties: ['campaignId', 'state', 'batch'] })
export class NewsletterCampaignRecipient {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  campaignId!: string;

  @Property({ type: 'uuid' })
  subscriberId!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  state: RecipientState = 'pending';

  /** Null for suppressed rows. */
  @Property({ type: 'integer', nullable: true })
  batch?: number | null;

  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  /** Why the provider refused it (failed rows). */
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}
