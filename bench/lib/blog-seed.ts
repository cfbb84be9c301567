import { Client } from 'pg';

export const BLOG_SEED = { posts: 10_000, categories: 20, tags: 50, authors: 5 } as const;

/**
 * 10,000 published posts over 20 categories, 50 tags (3 per post) and 5 authors,
 * written straight into the bench database in one statement per table (the API
 * would render Markdown 10,000 times first). Idempotent: earlier bench rows go.
 */
export async function seedBlog(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`delete from blog_posts where slug like 'bench-post-%'`);
    await client.query(`delete from blog_categories where slug like 'bench-category-%'`);
    await client.query(`delete from blog_tags where slug like 'bench-tag-%'`);
    await client.query(`delete from blog_authors where slug like 'bench-author-%'`);
    await client.query(
      `insert into blog_categories (id, slug, name, description, created_at, updated_at)
       select gen_random_uuid(), 'bench-category-' || n, 'Bench category ' || n, '', now(), now()
       from generate_series(1, $1) n`,
      [BLOG_SEED.categories],
    );
    await client.query(
      `insert into blog_tags (id, slug, name, description, created_at, updated_at)
       select gen_random_uuid(), 'bench-tag-' || n, 'Bench tag ' || n, '', now(), now()
       from generate_series(1, $1) n`,
      [BLOG_SEED.tags],
    );
    await client.query(
      `insert into blog_authors (user_id, slug, name, bio, social_links, updated_at)
       select gen_random_uuid(), 'bench-author-' || n, 'Bench Author ' || n, 'Writes benches.', '{}', now()
       from generate_series(1, $1) n`,
      [BLOG_SEED.authors],
    );
    await client.query(
      `with c as (select array_agg(id order by slug) ids from blog_categories where slug like 'bench-category-%'),
            t as (select array_agg(id::text order by slug) ids from blog_tags where slug like 'bench-tag-%'),
            a as (select array_agg(user_id order by slug) ids from blog_authors where slug like 'bench-author-%')
       insert into blog_posts (id, author_id, title, slug, body_markdown, body_html, excerpt, category_id,
         tag_ids, reading_minutes, status, published_at, revision, views, likes, shares, created_at, updated_at)
       select gen_random_uuid(), a.ids[1 + n % ${BLOG_SEED.authors}],
         'Bench post ' || n || ' about careers, CVs and interviews', 'bench-post-' || n,
         repeat('Careers and interviews need practice. ', 40), '<p>' || repeat('Careers and interviews need practice. ', 40) || '</p>',
         'How to get better at interviews, part ' || n, c.ids[1 + n % ${BLOG_SEED.categories}],
         array[t.ids[1 + n % ${BLOG_SEED.tags}], t.ids[1 + (n * 7) % ${BLOG_SEED.tags}], t.ids[1 + (n * 13) % ${BLOG_SEED.tags}]],
         2, 'published', now() - n * interval '1 hour', 1, n % 997, n % 31, n % 7,
         now() - n * interval '1 hour', now() - n * interval '1 hour'
       from generate_series(1, $1) n, c, t, a`,
      [BLOG_SEED.posts],
    );
    await client.query('commit');
    await client.query('analyze blog_posts');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
