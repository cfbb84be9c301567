import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { validateXML } from 'xmllint-wasm';
import { TestApp } from '@lib/testing';
import { createUser, signIn } from './support/accounts';
import { blogCall, type AdminPost } from './support/blog';

const FIXTURES = join(__dirname, 'fixtures', 'sitemaps');
const schema = (fileName: string) => ({
  fileName,
  contents: readFileSync(join(FIXTURES, fileName), 'utf8'),
});

async function validate(xml: string, schemaFile: string, preload: string[] = []) {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [schema(schemaFile)],
    preload: preload.map(schema),
  });
  return result.errors.map((error) => error.message);
}

/** Acceptance 4: sitemaps validate against the sitemaps.org schemas, feeds parse, JSON-LD is complete. */
describe('blog SEO outputs', () => {
  let t: TestApp;
  let post: AdminPost;

  beforeAll(async () => {
    t = await TestApp.create({ env: { FRONTEND_URL: 'https://careers.example.com' } });
    await createUser(t, {
      email: 'seo@blog.test',
      password: 'seo-password-123',
      name: 'Sam Seo',
      role: 'editor',
    });
    const editor = (await signIn(t, 'seo@blog.test', 'seo-password-123')).authorization;
    const category = await blogCall<{ id: string }>(t, 'POST', '/v1/admin/blog/categories', 201, {
      authorization: editor,
      payload: { name: 'Guides' },
    });
    const tag = await blogCall<{ id: string }>(t, 'POST', '/v1/admin/blog/tags', 201, {
      authorization: editor,
      payload: { name: 'CV & résumé' },
    });
    post = await blogCall<AdminPost>(t, 'POST', '/v1/admin/blog/posts', 201, {
      authorization: editor,
      payload: {
        title: 'How to write a CV <that works> & gets read',
        bodyMarkdown: '## Start\n\nWith **facts**.',
        categoryId: category.id,
        tagIds: [tag.id],
        featuredImage: {
          url: 'https://cdn.example.com/cv.png',
          alt: 'A CV',
          width: 1200,
          height: 630,
        },
        status: 'published',
      },
    });
    await blogCall(t, 'POST', '/v1/admin/blog/posts', 201, {
      authorization: editor,
      payload: {
        title: 'Syndicated elsewhere',
        bodyMarkdown: 'x',
        canonicalUrl: 'https://medium.example/post',
        status: 'published',
      },
    });
  });
  afterAll(() => t.close());

  it('serves a sitemap index and typed sitemaps that validate against the XSDs', async () => {
    const index = await t.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^application\/xml/);
    expect(await validate(index.body, 'siteindex.xsd')).toEqual([]);
    for (const type of ['posts', 'categories', 'tags', 'authors']) {
      expect(index.body).toContain(`<loc>https://careers.example.com/sitemaps/${type}-1.xml</loc>`);
    }

    const posts = await t.inject({ method: 'GET', url: '/sitemaps/posts-1.xml' });
    expect(posts.statusCode).toBe(200);
    expect(
      await validate(posts.body, 'urlset-with-images.xsd', ['sitemap.xsd', 'sitemap-image.xsd']),
    ).toEqual([]);
    expect(posts.body).toContain(`<loc>https://careers.example.com/blog/${post.slug}</loc>`);
    expect(posts.body).toContain('<image:loc>https://cdn.example.com/cv.png</image:loc>');
    expect(posts.body).toContain('<lastmod>');
    expect(posts.body).not.toContain('syndicated-elsewhere');

    for (const type of ['categories', 'tags', 'authors']) {
      const sitemap = await t.inject({ method: 'GET', url: `/sitemaps/${type}-1.xml` });
      expect(await validate(sitemap.body, 'sitemap.xsd')).toEqual([]);
    }
    expect((await t.inject({ method: 'GET', url: '/sitemaps/posts-2.xml' })).statusCode).toBe(404);
    // A broken document does fail the validator (the check can fail).
    expect(
      await validate(posts.body.replace('<loc>', '<location>'), 'urlset-with-images.xsd', [
        'sitemap.xsd',
        'sitemap-image.xsd',
      ]),
    ).not.toEqual([]);

    const cached = await t.inject({
      method: 'GET',
      url: '/sitemap.xml',
      headers: { 'if-none-match': String(index.headers.etag) },
    });
    expect(cached.statusCode).toBe(304);
  });

  it('disallows everything outside production, with the Sitemap line', async () => {
    const robots = await t.inject({ method: 'GET', url: '/robots.txt' });
    expect(robots.statusCode).toBe(200);
    expect(robots.body).toContain('User-agent: *\nDisallow: /\n');
    expect(robots.body).toContain('Sitemap: https://careers.example.com/sitemap.xml');
  });

  it('serves RSS 2.0 and JSON Feed that real parsers read, for the site, a category and a tag', async () => {
    const parser = new Parser();
    for (const url of [
      '/feeds/rss.xml',
      '/feeds/categories/guides/rss.xml',
      '/feeds/tags/cv-resume/rss.xml',
    ]) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/rss\+xml/);
      const feed = await parser.parseString(response.body);
      const item = feed.items.find(
        (each) => each.link === `https://careers.example.com/blog/${post.slug}`,
      );
      expect(item).toMatchObject({ title: 'How to write a CV <that works> & gets read' });
      expect(item?.isoDate).toBeDefined();
    }
    const json = await t.inject({ method: 'GET', url: '/feeds/feed.json' });
    const feed = JSON.parse(json.body) as {
      version: string;
      items: { url: string; title: string }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1');
    expect(feed.items.map((i) => i.title)).toContain('How to write a CV <that works> & gets read');
    expect((await t.inject({ method: 'GET', url: '/feeds/tags/nope/rss.xml' })).statusCode).toBe(
      404,
    );
  });

  it('gives <head> meta with JSON-LD carrying the required Article fields', async () => {
    const meta = await blogCall<{
      title: string;
      canonical: string;
      openGraph: Record<string, string>;
      twitter: Record<string, string>;
      jsonLd: Record<string, unknown>[];
    }>(t, 'GET', `/v1/blog/posts/${post.slug}/meta`, 200);
    expect(meta.canonical).toBe(`https://careers.example.com/blog/${post.slug}`);
    expect(meta.openGraph).toMatchObject({ 'og:type': 'article', 'og:image:width': '1200' });
    expect(meta.twitter['twitter:card']).toBe('summary_large_image');
    const [article, breadcrumbs] = JSON.parse(JSON.stringify(meta.jsonLd)) as [
      Record<string, string>,
      { '@type': string; itemListElement: { name: string }[] },
    ];
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'How to write a CV <that works> & gets read',
      mainEntityOfPage: { '@type': 'WebPage', '@id': meta.canonical },
      author: { '@type': 'Person', name: 'Sam Seo' },
      publisher: { '@type': 'Organization', logo: { '@type': 'ImageObject' } },
      image: {
        '@type': 'ImageObject',
        url: 'https://cdn.example.com/cv.png',
        width: 1200,
        height: 630,
      },
      keywords: 'CV & résumé',
    });
    expect(Date.parse(article.datePublished)).not.toBeNaN();
    expect(Date.parse(article.dateModified)).not.toBeNaN();
    expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    expect(breadcrumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual([
      'Blog',
      'Guides',
      'How to write a CV <that works> & gets read',
    ]);
  });
});
