import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

export const POST_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** The featured image: a file from the files module (or any URL) with its alt text and size. */
export interface FeaturedImage {
  fileId?: string;
  url: string;
  alt: string;
  width: number;
  height: number;
}

/** Open Graph / Twitter overrides; anything left out falls back to the post's own fields. */
export interface SocialOverrides {
  title?: string;
  description?: string;
  image?: string;
}

/**
 * A blog post. Tags are an array of tag ids (GIN-indexed: filter with `@>`,
 * related posts with `&&`). `revision` counts saves; every save is also a row
 * in `blog_post_revisions`. Counters are denormalised here: likes and shares on
 * write, views when the Redis counters are flushed.
 */
@Entity({ tableName: 'blog_posts' })
@Index({
  name: 'blog_posts_published_idx',
  expression:
    'create index "blog_posts_published_idx" on "blog_posts" ("published_at" desc, "id" desc) where "status" = \'published\'',
})
@Index({
  name: 'blog_posts_category_published_idx',
  expression:
    'create index "blog_posts_category_published_idx" on "blog_posts" ("category_id", "published_at" desc, "id" desc) where "status" = \'published\'',
})
@Index({
  name: 'blog_posts_tags_idx',
  expression: 'create index "blog_posts_tags_idx" on "blog_posts" using gin ("tag_ids")',
})
@Index({
  name: 'blog_posts_search_idx',
  expression: 'create index "blog_posts_search_idx" on "blog_posts" using gin ("search_vector")',
})
@Index({ properties: ['authorId', 'updatedAt'] })
@Index({ properties: ['status', 'publishAt'] })
export class BlogPost {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text', lazy: true })
  bodyMarkdown = '';

  @Property({ type: 'text', lazy: true })
  bodyHtml = '';

  @Property({ type: 'text' })
  excerpt = '';

  @Property({ type: 'json', nullable: true })
  featuredImage: FeaturedImage | null = null;

  @Property({ type: 'uuid', nullable: true })
  categoryId: string | null = null;

  @Property({ type: 'text[]' })
  tagIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  metaTitle: string | null = null;

  @Property({ type: 'text', nullable: true })
  metaDescription: string | null = null;

  /** An external canonical URL: the post is then left out of sitemaps. */
  @Property({ type: 'text', nullable: true })
  canonicalUrl: string | null = null;

  @Property({ type: 'json', nullable: true })
  openGraph: SocialOverrides | null = null;

  @Property({ type: 'json', nullable: true })
  twitter: SocialOverrides | null = null;

  @Property({ type: 'integer' })
  readingMinutes = 1;

  @Enum({ items: [...POST_STATUSES], default: 'draft' })
  status: PostStatus = 'draft';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer' })
  revision = 1;

  @Property({ type: 'integer', default: 0 })
  views = 0;

  @Property({ type: 'integer', default: 0 })
  likes = 0;

  @Property({ type: 'integer', default: 0 })
  shares = 0;

  @Property({
    type: 'unknown',
    columnType: 'tsvector',
    generated:
      "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(excerpt, '')), 'B') || setweight(to_tsvector('english', left(coalesce(body_markdown, ''), 20000)), 'C')) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchVector?: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
