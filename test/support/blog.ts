import type { TestApp } from '@lib/testing';

export interface AdminPost {
  id: string;
  slug: string;
  status: string;
  revision: number;
  bodyHtml: string;
  publishAt: string | null;
  publishedAt: string | null;
}

/** Calls the blog API and fails with the body when the status is not the expected one. */
export async function blogCall<T = unknown>(
  t: TestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  expected: number,
  options: { authorization?: string; payload?: object; ip?: string } = {},
): Promise<T> {
  const response = await t.inject({
    method,
    url,
    ...(options.ip ? { remoteAddress: options.ip } : {}),
    headers: options.authorization ? { authorization: options.authorization } : {},
    ...(options.payload ? { payload: options.payload } : {}),
  });
  if (response.statusCode !== expected) {
    throw new Error(`${method} ${url}: ${response.statusCode} (want ${expected}) ${response.body}`);
  }
  return (response.body ? response.json() : undefined) as T;
}

/** Slugs of the public list, the posts sitemap and the site RSS feed: where a post must show. */
export async function publicPlaces(t: TestApp, slug: string) {
  const list = await blogCall<{ items: { slug: string }[] }>(
    t,
    'GET',
    '/v1/blog/posts?limit=50',
    200,
  );
  const sitemap = (await t.inject({ method: 'GET', url: '/sitemaps/posts-1.xml' })).body;
  const rss = (await t.inject({ method: 'GET', url: '/feeds/rss.xml' })).body;
  return {
    list: list.items.some((item) => item.slug === slug),
    sitemap: sitemap.includes(`/blog/${slug}</loc>`),
    rss: rss.includes(`/blog/${slug}</link>`),
  };
}
