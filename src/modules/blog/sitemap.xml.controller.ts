import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access.decorator';
import { GetSeoDocumentQuery } from './queries/seo-document/seo-document.query';
import { sendDocument, SeoDocumentResponse } from './seo/send-document';

/** `/sitemap.xml`: the sitemap index at the site root (the frontend proxies it). */
@ApiTags('seo')
@Controller({ path: 'sitemap.xml', version: VERSION_NEUTRAL })
export class SitemapIndexController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('public')
  @ApiOperation({
    summary: 'Sitemap index over the typed sitemaps (posts, categories, tags, authors)',
  })
  @SeoDocumentResponse('application/xml')
  async index(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendDocument(
      reply,
      await this.queries.execute(new GetSeoDocumentQuery({ doc: 'sitemap-index' })),
    );
  }
}
