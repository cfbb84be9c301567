import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BlogAuthor } from '../entities/blog-author.entity';
import { BlogCategory } from '../entities/blog-category.entity';
import type { BlogPost } from '../entities/blog-post.entity';
import { BlogTag } from '../entities/blog-tag.entity';
import type { BlogPublicPostDto, PostField } from '../dto/blog-public.dto';

/** Columns a public post row carries (never the Markdown). */
export const PUBLIC_COLUMNS =
  'id, slug, title, excerpt, featured_image, category_id, tag_ids, author_id, reading_minutes, published_at, updated_at, views, likes, canonical_url';

export interface PublicPostRow {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  featured_image: BlogPost['featuredImage'];
  category_id: string | null;
  tag_ids: string[];
  author_id: string;
  reading_minutes: number;
  published_at: Date;
  updated_at: Date;
  views: number;
  likes: number;
  canonical_url: string | null;
  body_html?: string;
}

/**
 * Rows of published posts → public DTOs with category, tags and author
 * resolved in one query each for the whole page, trimmed to `fields`.
 */
@Injectable()
export class PublicPostMapper {
  async toDtos(
    em: EntityManager,
    rows: PublicPostRow[],
    fields?: readonly PostField[],
  ): Promise<BlogPublicPostDto[]> {
    const wants = (field: PostField) => !fields || fields.includes(field);
    const categoryIds = wants('category')
      ? [...new Set(rows.map((r) => r.category_id).filter((id): id is string => !!id))]
      : [];
    const tagIds = wants('tags') ? [...new Set(rows.flatMap((r) => r.tag_ids))] : [];
    const authorIds = wants('author') ? [...new Set(rows.map((r) => r.author_id))] : [];
    const [categories, tags, authors] = await Promise.all([
      categoryIds.length ? em.find(BlogCategory, { id: { $in: categoryIds } }) : [],
      tagIds.length ? em.fork().find(BlogTag, { id: { $in: tagIds } }) : [],
      authorIds.length ? em.fork().find(BlogAuthor, { userId: { $in: authorIds } }) : [],
    ]);
    const category = new Map(categories.map((c) => [c.id, { slug: c.slug, name: c.name }]));
    const tag = new Map(tags.map((t) => [t.id, { slug: t.slug, name: t.name }]));
    const author = new Map(
      authors.map((a) => [a.userId, { slug: a.slug, name: a.name, avatarUrl: a.avatarUrl }]),
    );
    return rows.map((row) => {
      const dto: BlogPublicPostDto = { id: row.id, slug: row.slug };
      if (wants('title')) dto.title = row.title;
      if (wants('excerpt')) dto.excerpt = row.excerpt;
      if (wants('featuredImage')) dto.featuredImage = row.featured_image;
      if (wants('category'))
        dto.category = (row.category_id && category.get(row.category_id)) || null;
      if (wants('tags')) dto.tags = row.tag_ids.flatMap((id) => tag.get(id) ?? []);
      if (wants('author')) dto.author = author.get(row.author_id) ?? null;
      if (wants('readingMinutes')) dto.readingMinutes = row.reading_minutes;
      if (wants('publishedAt')) dto.publishedAt = new Date(row.published_at).toISOString();
      if (wants('updatedAt')) dto.updatedAt = new Date(row.updated_at).toISOString();
      if (wants('views')) dto.views = row.views;
      if (wants('likes')) dto.likes = row.likes;
      if (row.body_html !== undefined) dto.bodyHtml = row.body_html;
      if (!fields) dto.canonicalUrl = row.canonical_url;
      return dto;
    });
  }
}
