import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findOwnCv } from '../../cv.policies';
import { CvRenderCache } from '../../exports/cv-render-cache';
import { renderLayout } from '../../exports/render-layout';
import { cvFileName } from '../../rendering/download-name';
import { CvRenderingService } from '../../rendering/cv-rendering.service';
import { RenderCvQuery, type RenderedCv } from './render-cv.query';

@QueryHandler(RenderCvQuery)
export class RenderCvHandler implements IQueryHandler<RenderCvQuery, RenderedCv> {
  constructor(
    private readonly em: EntityManager,
    private readonly rendering: CvRenderingService,
    private readonly cache: CvRenderCache,
  ) {}

  async execute({ actor, cvId, format, options, refresh }: RenderCvQuery): Promise<RenderedCv> {
    const cv = await findOwnCv(this.em.fork(), actor, cvId);
    const layout = renderLayout(actor, cv.layout, options);
    const fileName = cvFileName(cv.document.basics?.name, format);
    if (format === 'html') {
      return {
        body: this.rendering.html(cv.document, layout),
        contentType: 'text/html; charset=utf-8',
        fileName,
        cached: false,
      };
    }
    const file = await this.cache.get(
      { ownerId: cv.ownerId, cvId: cv.id, document: cv.document, layout, format: 'pdf' },
      { refresh },
    );
    return { body: file.body, contentType: file.contentType, fileName, cached: file.cached };
  }
}
