import type { EntityManager } from '@mikro-orm/postgresql';

const COLUMN = {
  category: 'category_id = ?',
  tag: 'tag_ids @> array[?]::text[]',
  author: 'author_id = ?',
} as const;

/** Published posts in a category, with a tag or by an author. */
export async function countPublished(
  em: EntityManager,
  kind: keyof typeof COLUMN,
  id: string,
): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from blog_posts where status = 'published' and ${COLUMN[kind]}`,
    [id],
  );
  return Number(row?.n ?? 0);
}
