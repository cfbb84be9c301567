import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { NewsletterTopic } from '../newsletter-topics';

export type NewsletterStatus = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * A visitor's newsletter subscription, double opt-in: `pending` until the
 * emailed link is confirmed. Only the SHA-256 of the confirmation token is kept.
 */
@Entity({ tableName: 'newsletter_subscribers' })
export class NewsletterSubscriber {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  /** Trimmed and lower-cased. */
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text' })
  status: NewsletterStatus = 'pending';

  /** Confirmed topics (what mail is sent for). */
  @Property({ type: 'jsonb' })
  topics: NewsletterTopic[] = [];

  /** Topics asked for by the pending confirmation; they replace `topics` when confirmed. */
  @Property({ type: 'jsonb' })
  requestedTopics: NewsletterTopic[] = [];

  @Property({ type: 'text', nullable: true })
  @Unique()
  confirmationTokenHash?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  confirmationSentAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
