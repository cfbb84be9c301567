import { Query } from '@nestjs/cqrs';
import type { FeedScope, SeoDocument } from '../../seo/blog-seo';

export type SeoRequest =
  | { doc: 'robots' }
  | { doc: 'sitemap-index' }
  | { doc: 'sitemap'; file: string }
  | { doc: 'feed'; scope: FeedScope; format: 'rss' | 'json' };

/** One of the blog's SEO files (sitemaps, robots.txt, feeds). */
export class GetSeoDocumentQuery extends Query<SeoDocument> {
  constructor(readonly request: SeoRequest) {
    super();
  }
}
