import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A slug a post used to have: answered with 301 to the post's current slug. */
@Entity({ tableName: 'blog_slug_redirects' })
@Index({ properties: ['postId'] })
export class BlogSlugRedirect {
  @PrimaryKey({ type: 'text' })
  slug!: string;

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
