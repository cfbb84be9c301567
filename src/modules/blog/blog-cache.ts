/**
 * Every stored public blog answer (lists, terms, authors) carries this tag; any change of a
 * post, a category or tag, or an author profile drops them all, right after it commits.
 */
export const BLOG_CACHE_TAG = 'blog';

/** The `@Cacheable` options of a public blog list: kept in Redis until a blog change. */
export const STORED_BLOG_ANSWER = {
  ttl: 'apiRead',
  scope: 'public',
  store: true,
  tags: () => [BLOG_CACHE_TAG],
} as const;
