import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, ApiProblems } from '../../common/access.decorator';
import { GetSeoDocumentQuery } from './queries/seo-document/seo-document.query';
import type { FeedScope } from './seo/blog-seo';
import { sendDocument, SeoDocumentResponse } from './seo/send-document';
import { SLUG_PARAM, SlugParam } from './slug-param';

const TERM_SLUG = { ...SLUG_PARAM, example: 'career-advice', description: 'Category or tag slug' };

/** `/feeds/…`: RSS 2.0 and JSON Feed 1.1 of the latest 50 posts, for the site, a category or a tag. */
@ApiTags('seo')
@Controller({ path: 'feeds', version: VERSION_NEUTRAL })
@Access('public')
export class FeedsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('rss.xml')
  @ApiOperation({ summary: 'RSS 2.0 feed of the blog' })
  @SeoDocumentResponse('application/rss+xml')
  siteRss(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.send(reply, { kind: 'site' }, 'rss');
  }

  @Get('feed.json')
  @ApiOperation({ summary: 'JSON Feed 1.1 of the blog' })
  @SeoDocumentResponse('application/feed+json', 'object')
  siteJson(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.send(reply, { kind: 'site' }, 'json');
  }

  @Get('categories/:slug/rss.xml')
  @ApiParam(TERM_SLUG)
  @ApiOperation({ summary: 'RSS 2.0 feed of a category' })
  @SeoDocumentResponse('application/rss+xml')
  @ApiProblems(400, 404)
  categoryRss(
    @SlugParam() slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(reply, { kind: 'category', slug }, 'rss');
  }

  @Get('categories/:slug/feed.json')
  @ApiParam(TERM_SLUG)
  @ApiOperation({ summary: 'JSON Feed 1.1 of a category' })
  @SeoDocumentResponse('application/feed+json', 'object')
  @ApiProblems(400, 404)
  categoryJson(
    @SlugParam() slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(reply, { kind: 'category', slug }, 'json');
  }

  @Get('tags/:slug/rss.xml')
  @ApiParam(TERM_SLUG)
  @ApiOperation({ summary: 'RSS 2.0 feed of a tag' })
  @SeoDocumentResponse('application/rss+xml')
  @ApiProblems(400, 404)
  tagRss(
    @SlugParam() slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(reply, { kind: 'tag', slug }, 'rss');
  }

  @Get('tags/:slug/feed.json')
  @ApiParam(TERM_SLUG)
  @ApiOperation({ summary: 'JSON Feed 1.1 of a tag' })
  @SeoDocumentResponse('application/feed+json', 'object')
  @ApiProblems(400, 404)
  tagJson(
    @SlugParam() slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(reply, { kind: 'tag', slug }, 'json');
  }

  private async send(
    reply: FastifyReply,
    scope: FeedScope,
    format: 'rss' | 'json',
  ): Promise<string> {
    return sendDocument(
      reply,
      await this.queries.execute(new GetSeoDocumentQuery({ doc: 'feed', scope, format })),
    );
  }
}
