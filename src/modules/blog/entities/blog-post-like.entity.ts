import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One reader's like of one post; removed with the reader's account. */
@Entity({ tableName: 'blog_post_likes' })
@Index({ properties: ['userId'] })
export class BlogPostLike {
  @PrimaryKey({ type: 'uuid' })
  postId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
