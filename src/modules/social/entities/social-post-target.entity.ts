import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { SocialAccount } from './social-account.entity';
import { SocialPost } from './social-post.entity';

export const TARGET_STATUSES = [
  'queued',
  'publishing',
  'published',
  'failed',
  'unconfirmed',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * A post going to one account. `publishing` is taken by one worker with a
 * conditional update; a create that timed out becomes `unconfirmed` and is
 * never sent again until the network's recent posts (or the user) settle it.
 */
@Entity({ tableName: 'social_post_targets' })
@Unique({ properties: ['post', 'account'] })
@Index({ properties: ['userId', 'scheduledAt'] })
@Index({ properties: ['status', 'publishedAt'] })
@Index({ properties: ['account', 'scheduledAt'] })
export class SocialPostTarget {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => SocialPost, { ref: true, deleteRule: 'cascade' })
  post!: Ref<SocialPost>;

  @ManyToOne(() => SocialAccount, { ref: true, deleteRule: 'cascade' })
  account!: Ref<SocialAccount>;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  network!: string;

  @Property({ type: 'text' })
  status: TargetStatus = 'queued';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  scheduledAt!: Date;

  @Property({ type: 'text', nullable: true })
  remoteId?: string | null;

  @Property({ type: 'text', nullable: true })
  remoteUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @Property({ type: 'boolean', nullable: true })
  retryable?: boolean | null;

  /** When the create call went out: the check of an unconfirmed target looks from here. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  attemptedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
