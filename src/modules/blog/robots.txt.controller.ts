import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access.decorator';
import { GetSeoDocumentQuery } from './queries/seo-document/seo-document.query';
import { sendDocument, SeoDocumentResponse } from './seo/send-document';

/** `/robots.txt`: everything disallowed outside production; the Sitemap line. */
@ApiTags('seo')
@Controller({ path: 'robots.txt', version: VERSION_NEUTRAL })
export class RobotsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('public')
  @ApiOperation({ summary: 'robots.txt (Disallow: / outside production) with the sitemap URL' })
  @SeoDocumentResponse('text/plain')
  async robots(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendDocument(
      reply,
      await this.queries.execute(new GetSeoDocumentQuery({ doc: 'robots' })),
    );
  }
}
