import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * A reader's comment. One level of threading: a reply's `parentId` is a
 * top-level comment. `userId` is null once the account is erased (the author
 * then shows as "deleted user").
 */
@Entity({ tableName: 'blog_comments' })
@Index({ properties: ['postId', 'status', 'createdAt'] })
@Index({ properties: ['userId'] })
@Index({ properties: ['status', 'createdAt'] })
export class BlogComment {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'uuid', nullable: true })
  parentId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'text' })
  authorName!: string;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: [...COMMENT_STATUSES], default: 'pending' })
  status: CommentStatus = 'pending';

  /** Why the comment is held, when it is (`first_comment`, `links`, `blocklist`). */
  @Property({ type: 'text', nullable: true })
  heldFor: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
