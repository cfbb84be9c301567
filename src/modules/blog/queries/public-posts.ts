import type { BlogPost } from '../entities/blog-post.entity';
import type {
  BlogAuthorRefDto,
  BlogPublicPostDto,
  BlogTermRefDto,
  PostField,
} from '../dto/blog-public.dto';

/**
 * The select list of a public post, for a query over `blog_posts p` (never the
 * Markdown). Category, tags (in the post's order) and author are resolved in the
 * same statement: a page is one round trip to PostgreSQL instead of one per
 * lookup table, which was most of the list's CPU (socket writes and ORM work).
 * PostgreSQL evaluates these subqueries after ORDER BY/LIMIT, for the page's rows only.
 */
export const PUBLIC_POST_SELECT = `p.id, p.slug, p.title, p.excerpt, p.featured_image,
  p.reading_minutes, coalesce(p.published_at, p.updated_at) as published_at, p.updated_at, p.views, p.likes, p.canonical_url,
  (select json_build_object('slug', c.slug, 'name', c.name)
     from blog_categories c where c.id = p.category_id) as category,
  (select coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name) order by o.n), '[]'::json)
     from unnest(p.tag_ids) with ordinality as o(id, n) join blog_tags t on t.id = o.id::uuid) as tags,
  (select json_build_object('slug', a.slug, 'name', a.name, 'avatarUrl', a.avatar_url)
     from blog_authors a where a.user_id = p.author_id) as author`;

export interface PublicPostRow {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  featured_image: BlogPost['featuredImage'];
  reading_minutes: number;
  published_at: Date;
  updated_at: Date;
  views: number;
  likes: number;
  canonical_url: string | null;
  category: BlogTermRefDto | null;
  tags: BlogTermRefDto[];
  author: BlogAuthorRefDto | null;
  body_html?: string;
}

/** A row selected with `PUBLIC_POST_SELECT` → the public DTO, trimmed to `fields`. */
export function toPublicPostDto(
  row: PublicPostRow,
  fields?: readonly PostField[],
): BlogPublicPostDto {
  const wants = (field: PostField) => !fields || fields.includes(field);
  const dto: BlogPublicPostDto = { id: row.id, slug: row.slug };
  if (wants('title')) dto.title = row.title;
  if (wants('excerpt')) dto.excerpt = row.excerpt;
  if (wants('featuredImage')) dto.featuredImage = row.featured_image;
  if (wants('category')) dto.category = row.category;
  if (wants('tags')) dto.tags = row.tags;
  if (wants('author')) dto.author = row.author;
  if (wants('readingMinutes')) dto.readingMinutes = row.reading_minutes;
  if (wants('publishedAt')) dto.publishedAt = new Date(row.published_at).toISOString();
  if (wants('updatedAt')) dto.updatedAt = new Date(row.updated_at).toISOString();
  if (wants('views')) dto.views = row.views;
  if (wants('likes')) dto.likes = row.likes;
  if (row.body_html !== undefined) dto.bodyHtml = row.body_html;
  if (!fields) dto.canonicalUrl = row.canonical_url;
  return dto;
}
