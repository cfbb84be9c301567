import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Feed as FeedClass } from 'feed';
import type * as SitemapLib from 'sitemap';
import { AppConfig } from '@lib/config';
import { blogProblems } from '../blog.problems';
import { SiteUrls } from './site-urls';

export const SITEMAP_TYPES = ['posts', 'categories', 'tags', 'authors'] as const;
export type SitemapType = (typeof SITEMAP_TYPES)[number];
/** The sitemaps.org limit per file. */
export const SITEMAP_MAX_URLS = 50_000;
const FEED_ITEMS = 50;

export interface SeoDocument {
  contentType: string;
  body: string;
}

export type FeedScope = { kind: 'site' } | { kind: 'category' | 'tag'; slug: string };

let libraries: { sitemap: typeof SitemapLib; Feed: typeof FeedClass } | undefined;

function load() {
  // Only the SEO routes need them: loaded on the first sitemap or feed, not at boot.
  libraries ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
    sitemap: require('sitemap') as typeof SitemapLib,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
    Feed: (require('feed') as { Feed: typeof FeedClass }).Feed,
  };
  return libraries;
}

interface SitemapRow {
  slug: string;
  lastmod: Date | null;
  image_url?: string | null;
  image_alt?: string | null;
  title?: string;
}

/**
 * The blog's SEO files, built with the `sitemap` and `feed` libraries: a
 * sitemap index over typed sitemaps (pages of ≤ 50,000 URLs; posts with an
 * external canonical left out; `image:image` for featured images), robots.txt
 * (everything disallowed outside production) and RSS 2.0 / JSON Feed 1.1 for
 * the site, a category or a tag.
 */
@Injectable()
export class BlogSeo {
  constructor(
    private readonly urls: SiteUrls,
    private readonly config: AppConfig,
  ) {}

  robots(): SeoDocument {
    const lines = this.config.isProduction
      ? ['User-agent: *', 'Allow: /', 'Disallow: /v1/', 'Disallow: /docs']
      : ['User-agent: *', 'Disallow: /'];
    lines.push('', `Sitemap: ${this.urls.file('sitemap.xml')}`, '');
    return { contentType: 'text/plain; charset=utf-8', body: lines.join('\n') };
  }

  async sitemapIndex(em: EntityManager): Promise<SeoDocument> {
    const { sitemap } = load();
    const stream = new sitemap.SitemapIndexStream();
    for (const type of SITEMAP_TYPES) {
      const [{ n, lastmod }] = await em.execute<{ n: string; lastmod: Date | null }[]>(
        `select count(*) as n, max(lastmod) as lastmod from (${this.sql(type)}) s`,
      );
      const pages = Math.max(1, Math.ceil(Number(n) / SITEMAP_MAX_URLS));
      for (let page = 1; page <= pages; page += 1) {
        stream.write({
          url: this.urls.file(`sitemaps/${type}-${page}.xml`),
          ...(lastmod ? { lastmod: new Date(lastmod).toISOString() } : {}),
        });
      }
    }
    stream.end();
    return {
      contentType: 'application/xml; charset=utf-8',
      body: (await sitemap.streamToPromise(stream)).toString(),
    };
  }

  async sitemap(em: EntityManager, file: string): Promise<SeoDocument> {
    const match = /^(posts|categories|tags|authors)-(\d{1,4})\.xml$/.exec(file);
    if (!match) throw blogProblems.problem('blog.post_not_found', `No sitemap ${file}`);
    const type = match[1] as SitemapType;
    const page = Number(match[2]);
    const rows = await em.execute<SitemapRow[]>(
      `${this.sql(type)} order by slug limit ? offset ?`,
      [SITEMAP_MAX_URLS, (page - 1) * SITEMAP_MAX_URLS],
    );
    if (rows.length === 0 && page > 1) {
      throw blogProblems.problem('blog.post_not_found', `No sitemap ${file}`);
    }
    const { sitemap } = load();
    const stream = new sitemap.SitemapStream({
      xmlns: { news: false, video: false, xhtml: false, image: type === 'posts', custom: [] },
    });
    for (const row of rows) {
      stream.write({
        url: this.pageUrl(type, row.slug),
        ...(row.lastmod ? { lastmod: new Date(row.lastmod).toISOString() } : {}),
        ...(row.image_url
          ? { img: [{ url: row.image_url, caption: row.image_alt ?? undefined, title: row.title }] }
          : {}),
      });
    }
    stream.end();
    return {
      contentType: 'application/xml; charset=utf-8',
      body: (await sitemap.streamToPromise(stream)).toString(),
    };
  }

  async feed(em: EntityManager, scope: FeedScope, format: 'rss' | 'json'): Promise<SeoDocument> {
    const { where, params, title, link, path } = await this.feedScope(em, scope);
    const rows = await em.execute<
      {
        slug: string;
        title: string;
        excerpt: string;
        body_html: string;
        published_at: Date;
        updated_at: Date;
        image_url: string | null;
        author_name: string | null;
        author_slug: string | null;
        category_name: string | null;
      }[]
    >(
      `select p.slug, p.title, p.excerpt, p.body_html, p.published_at, p.updated_at,
              p.featured_image->>'url' as image_url, a.name as author_name, a.slug as author_slug,
              c.name as category_name
       from blog_posts p
       left join blog_authors a on a.user_id = p.author_id
       left join blog_categories c on c.id = p.category_id
       where p.status = 'published' ${where}
       order by p.published_at desc, p.id desc limit ${FEED_ITEMS}`,
      params,
    );
    const { Feed } = load();
    const feed = new Feed({
      title,
      description: `${title}: the latest posts`,
      id: link,
      link,
      language: 'en',
      copyright: `© ${this.urls.siteName}`,
      updated: rows[0] ? new Date(rows[0].published_at) : new Date(0),
      generator: this.urls.siteName,
      image: this.urls.logo,
      feedLinks: {
        rss: this.urls.file(`feeds/${path}rss.xml`),
        json: this.urls.file(`feeds/${path}feed.json`),
      },
    });
    for (const row of rows) {
      const url = this.urls.post(row.slug);
      feed.addItem({
        title: row.title,
        id: url,
        link: url,
        description: row.excerpt,
        content: row.body_html,
        date: new Date(row.published_at),
        published: new Date(row.published_at),
        ...(row.image_url ? { image: row.image_url } : {}),
        ...(row.author_name
          ? { author: [{ name: row.author_name, link: this.urls.author(row.author_slug ?? '') }] }
          : {}),
        ...(row.category_name ? { category: [{ name: row.category_name }] } : {}),
      });
    }
    return format === 'rss'
      ? { contentType: 'application/rss+xml; charset=utf-8', body: feed.rss2() }
      : { contentType: 'application/feed+json; charset=utf-8', body: feed.json1() };
  }

  private async feedScope(em: EntityManager, scope: FeedScope) {
    if (scope.kind === 'site') {
      return {
        where: '',
        params: [] as string[],
        title: this.urls.siteName,
        link: this.urls.blog(),
        path: '',
      };
    }
    const table = scope.kind === 'category' ? 'blog_categories' : 'blog_tags';
    const [term] = await em.execute<{ id: string; name: string }[]>(
      `select id, name from ${table} where slug = ?`,
      [scope.slug],
    );
    if (!term) {
      throw blogProblems.problem(
        scope.kind === 'category' ? 'blog.category_not_found' : 'blog.tag_not_found',
        `No ${scope.kind} ${scope.slug}`,
      );
    }
    const plural = scope.kind === 'category' ? 'categories' : 'tags';
    return {
      where:
        scope.kind === 'category' ? 'and p.category_id = ?' : 'and p.tag_ids @> array[?]::text[]',
      params: [term.id],
      title: `${this.urls.siteName}: ${term.name}`,
      link: scope.kind === 'category' ? this.urls.category(scope.slug) : this.urls.tag(scope.slug),
      path: `${plural}/${scope.slug}/`,
    };
  }

  private pageUrl(type: SitemapType, slug: string): string {
    if (type === 'posts') return this.urls.post(slug);
    if (type === 'categories') return this.urls.category(slug);
    if (type === 'tags') return this.urls.tag(slug);
    return this.urls.author(slug);
  }

  private sql(type: SitemapType): string {
    switch (type) {
      case 'posts':
        return `select slug, updated_at as lastmod, featured_image->>'url' as image_url,
                  featured_image->>'alt' as image_alt, title
                from blog_posts where status = 'published' and canonical_url is null`;
      case 'categories':
        return `select c.slug, max(p.updated_at) as lastmod from blog_categories c
                join blog_posts p on p.category_id = c.id and p.status = 'published' group by c.slug`;
      case 'tags':
        return `select t.slug, max(p.updated_at) as lastmod from blog_tags t
                join blog_posts p on p.tag_ids @> array[t.id::text] and p.status = 'published' group by t.slug`;
      case 'authors':
        return `select a.slug, max(p.updated_at) as lastmod from blog_authors a
                join blog_posts p on p.author_id = a.user_id and p.status = 'published' group by a.slug`;
    }
  }
}
