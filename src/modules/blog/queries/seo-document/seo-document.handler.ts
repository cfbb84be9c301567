import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlogSeo, type SeoDocument } from '../../seo/blog-seo';
import { GetSeoDocumentQuery } from './seo-document.query';

@QueryHandler(GetSeoDocumentQuery)
export class GetSeoDocumentHandler implements IQueryHandler<GetSeoDocumentQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly seo: BlogSeo,
  ) {}

  execute({ request }: GetSeoDocumentQuery): Promise<SeoDocument> {
    const em = this.em.fork();
    switch (request.doc) {
      case 'robots':
        return Promise.resolve(this.seo.robots());
      case 'sitemap-index':
        return this.seo.sitemapIndex(em);
      case 'sitemap':
        return this.seo.sitemap(em, request.file);
      case 'feed':
        return this.seo.feed(em, request.scope, request.format);
    }
  }
}
