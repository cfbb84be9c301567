import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/** What a revision keeps: the authored fields of the post (not counters or status). */
export interface PostContent {
  title: string;
  slug: string;
  bodyMarkdown: string;
  excerpt: string;
  featuredImage: unknown;
  categoryId: string | null;
  tagIds: string[];
  metaTitle: string | null;
  metaDescription: string | null;
  canonicalUrl: string | null;
  openGraph: unknown;
  twitter: unknown;
}

/** One save of a post: the full authored content as it was after that save. */
@Entity({ tableName: 'blog_post_revisions' })
@Unique({ properties: ['postId', 'revision'] })
export class BlogPostRevision {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'json' })
  content!: PostContent;

  @Property({ type: 'uuid' })
  editorId!: string;

  @Property({ type: 'integer', nullable: true })
  restoredFrom: number | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
