import { Controller, Get, Param, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, ApiProblems } from '../../common/access.decorator';
import { GetSeoDocumentQuery } from './queries/seo-document/seo-document.query';
import { sendDocument, SeoDocumentResponse } from './seo/send-document';

/** `/sitemaps/{type}-{page}.xml`: one typed sitemap of up to 50,000 URLs. */
@ApiTags('seo')
@Controller({ path: 'sitemaps', version: VERSION_NEUTRAL })
export class SitemapsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':file')
  @Access('public')
  @ApiParam({
    name: 'file',
    example: 'posts-1.xml',
    description: '`posts`, `categories`, `tags` or `authors`, `-` page number, `.xml`',
  })
  @ApiOperation({
    summary: 'A typed sitemap page (posts carry image:image; external canonicals left out)',
  })
  @SeoDocumentResponse('application/xml')
  @ApiProblems(404)
  async sitemap(
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendDocument(
      reply,
      await this.queries.execute(new GetSeoDocumentQuery({ doc: 'sitemap', file })),
    );
  }
}
