import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/** A file of the files module attached to a post, with what the network rules need. */
export interface PostMediaItem {
  fileId: string;
  kind: 'image' | 'video';
  mimeType: string;
  sizeBytes: number;
}

/** What a network gets instead of the post's text or media. */
export interface PostVariant {
  text?: string;
  media?: PostMediaItem[];
}

export type SocialPostStatus = 'draft' | 'scheduled';

/** One composition, published to each of its accounts as a target. */
@Entity({ tableName: 'social_posts' })
@Index({ properties: ['userId', 'createdAt'] })
export class SocialPost {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'json' })
  media: PostMediaItem[] = [];

  @Property({ type: 'json' })
  variants: Record<string, PostVariant> = {};

  /** The accounts it goes to (also while a draft); each gets a target when scheduled. */
  @Property({ type: 'json' })
  accountIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  firstComment?: string | null;

  @Property({ type: 'json' })
  thread: string[] = [];

  /** `draft` until it is scheduled or published now; its targets then carry the state. */
  @Property({ type: 'text' })
  status: SocialPostStatus = 'draft';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  scheduledAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
