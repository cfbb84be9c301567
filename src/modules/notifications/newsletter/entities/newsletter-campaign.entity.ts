import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { NewsletterTopic } from '../newsletter-topics';

/**
 * `draft` → (`scheduled` →) `sending` → `sent`, or `failed` when not one email
 * could be sent. Recipients are fixed when sending starts.
 */
export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'failed';

/** A newsletter issue written in Markdown for the confirmed subscribers of one topic. */
@Entity({ tableName: 'newsletter_campaigns' })
@Index({ properties: ['createdAt', 'id'] })
export class NewsletterCampaign {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  subject!: string;

  /** CommonMark; raw HTML in it is shown as text, never rendered. */
  @Property({ type: 'text' })
  markdown!: string;

  @Property({ type: 'text' })
  topic!: NewsletterTopic;

  @Property({ type: 'text' })
  status: CampaignStatus = 'draft';

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** When a scheduled campaign starts sending. */
  @Property({ type: 'timestamptz', nullable: true })
  scheduledAt?: Date | null;

  /** When its recipients were fixed and sending began. */
  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
