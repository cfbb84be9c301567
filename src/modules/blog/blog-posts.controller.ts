import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Query as QueryParams,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiMovedPermanentlyResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Cacheable } from '@lib/cache';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { STORED_BLOG_ANSWER } from './blog-cache';
import { PostCommentCommand } from './commands/post-comment/post-comment.command';
import { RecordViewCommand } from './commands/record-view/record-view.command';
import { ReactToPostCommand } from './commands/react-to-post/react-to-post.command';
import { CommentsPerIpGuard } from './comments/comments-per-ip.guard';
import { BlogCommentDto, BlogCommentListDto, CreateBlogCommentDto } from './dto/blog-comment.dto';
import {
  BlogCountersDto,
  BlogHeadMetaDto,
  BlogPublicPostDto,
  BlogPublicPostListDto,
  BlogPublicPostPageDto,
  BlogViewDto,
  ListBlogPostsQueryDto,
} from './dto/blog-public.dto';
import { GetPostMetaQuery } from './queries/get-post-meta/get-post-meta.query';
import { GetPublicPostQuery } from './queries/get-public-post/get-public-post.query';
import { ListCommentsQuery } from './queries/list-comments/list-comments.query';
import { ListPublicPostsQuery } from './queries/list-public-posts/list-public-posts.query';
import { ListRelatedPostsQuery } from './queries/list-related-posts/list-related-posts.query';
import { SLUG_PARAM, SlugParam } from './slug-param';
import { Idempotent } from '../idempotency';

const MOVED = 'The slug is an old one: `Location` holds the post’s current URL (same route)';

/** Answers 301 to the current slug's URL of the same route. */
function movedPermanently(reply: FastifyReply, request: FastifyRequest, from: string, to: string) {
  const path = (request.url.split('?')[0] ?? '').replace(`/posts/${from}`, `/posts/${to}`);
  void reply.code(301).header('location', path).header('cache-control', 'public, max-age=3600');
}

/**
 * `/v1/blog/posts`: the public content API (no auth). Reads carry `ETag` and
 * `Cache-Control: public`; drafts, scheduled and archived posts are 404, and an
 * old slug answers 301 to the current one.
 */
@ApiTags('blog')
@Controller({ path: 'blog/posts', version: '1' })
export class BlogPostsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Access('public')
  @Cacheable(STORED_BLOG_ANSWER)
  @ApiOperation({
    summary: 'Published posts, newest first: filter by category, tag, author or text; pages',
    description:
      '`fields` picks the fields of each post (id and slug always); `include=bodyHtml` adds the body.',
  })
  @ApiOkResponse({ type: BlogPublicPostPageDto })
  @ApiProblems(400)
  list(@QueryParams() query: ListBlogPostsQueryDto): Promise<BlogPublicPostPageDto> {
    return this.queries.execute(
      new ListPublicPostsQuery({
        category: query.category,
        tag: query.tag,
        author: query.author,
        search: query.search,
        fields: query.fields,
        includeBody: query.include?.includes('bodyHtml') ?? false,
        page: query.page,
        limit: query.limit,
      }),
    );
  }

  @Get(':slug')
  @Access('public')
  @Cacheable({ ttl: 'apiRead', scope: 'public' })
  @ApiParam(SLUG_PARAM)
  @ApiOperation({ summary: 'One published post with its sanitized HTML' })
  @ApiOkResponse({ type: BlogPublicPostDto })
  @ApiMovedPermanentlyResponse({ description: MOVED })
  @ApiProblems(400, 404)
  async get(
    @SlugParam() slug: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BlogPublicPostDto | undefined> {
    const answer = await this.queries.execute(new GetPublicPostQuery(slug));
    if ('post' in answer) return answer.post;
    movedPermanently(reply, request, slug, answer.movedTo);
    return undefined;
  }

  @Get(':slug/meta')
  @Access('public')
  @Cacheable({ ttl: 'apiRead', scope: 'public' })
  @ApiParam(SLUG_PARAM)
  @ApiOperation({
    summary: 'Everything for <head>: title, description, canonical, Open Graph, Twitter, JSON-LD',
  })
  @ApiOkResponse({ type: BlogHeadMetaDto })
  @ApiMovedPermanentlyResponse({ description: MOVED })
  @ApiProblems(400, 404)
  async meta(
    @SlugParam() slug: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BlogHeadMetaDto | undefined> {
    const answer = await this.queries.execute(new GetPostMetaQuery(slug));
    if ('meta' in answer) return answer.meta;
    movedPermanently(reply, request, slug, answer.movedTo);
    return undefined;
  }

  @Get(':slug/related')
  @Access('public')
  @Cacheable(STORED_BLOG_ANSWER)
  @ApiParam(SLUG_PARAM)
  @ApiOperation({ summary: 'Up to 4 published posts sharing the most tags or the category' })
  @ApiOkResponse({ type: BlogPublicPostListDto })
  @ApiProblems(400, 404)
  related(@SlugParam() slug: string): Promise<BlogPublicPostListDto> {
    return this.queries.execute(new ListRelatedPostsQuery(slug, 4));
  }

  @Get(':slug/comments')
  @Access('public')
  @ApiParam(SLUG_PARAM)
  @ApiOperation({ summary: 'Approved comments, oldest first (replies carry parentId)' })
  @ApiOkResponse({ type: BlogCommentListDto })
  @ApiProblems(400, 404)
  comments(@SlugParam() slug: string): Promise<BlogCommentListDto> {
    return this.queries.execute(new ListCommentsQuery(slug));
  }

  @Post(':slug/comments')
  @Idempotent()
  @Access('user')
  @RateLimit('blogComments')
  @UseGuards(CommentsPerIpGuard)
  @ApiParam(SLUG_PARAM)
  @ApiOperation({
    summary: 'Comment or reply (one level): a first comment waits for moderation, then trusted',
    description:
      'A comment with a blocklisted word or more than BLOG_COMMENT_MAX_LINKS links is held as ' +
      'spam. Limits: 5 per 10 minutes per account and 30 an hour per IP (429).',
  })
  @ApiCreatedResponse({ type: BlogCommentDto })
  @ApiProblems(400, 404, 422)
  comment(
    @CurrentPrincipal() principal: Principal,
    @SlugParam() slug: string,
    @Body() body: CreateBlogCommentDto,
  ): Promise<BlogCommentDto> {
    return this.commands.execute(new PostCommentCommand(principal, slug, body.body, body.parentId));
  }

  @Post(':slug/views')
  @HttpCode(200)
  @Access('public')
  @RateLimit('blogReactions')
  @ApiParam(SLUG_PARAM)
  @ApiOperation({
    summary: 'Count a view: once per visitor (account, or IP + user agent) and UTC day',
  })
  @ApiOkResponse({ type: BlogViewDto })
  @ApiProblems(400, 404)
  view(
    @SlugParam() slug: string,
    @Req() request: FastifyRequest & { principal?: Principal },
  ): Promise<BlogViewDto> {
    const visitor = request.principal
      ? `user:${request.principal.userId}`
      : `ip:${request.ip}:${request.headers['user-agent'] ?? ''}`;
    return this.commands.execute(new RecordViewCommand(slug, visitor));
  }

  @Put(':slug/like')
  @Access('user')
  @RateLimit('blogReactions')
  @ApiParam(SLUG_PARAM)
  @ApiOperation({ summary: 'Like a post (once per account)' })
  @ApiOkResponse({ type: BlogCountersDto })
  @ApiProblems(400, 404)
  like(
    @CurrentPrincipal() principal: Principal,
    @SlugParam() slug: string,
  ): Promise<BlogCountersDto> {
    return this.commands.execute(new ReactToPostCommand(slug, 'like', principal.userId));
  }

  @Delete(':slug/like')
  @Access('user')
  @RateLimit('blogReactions')
  @ApiParam(SLUG_PARAM)
  @ApiOperation({ summary: 'Take a like back' })
  @ApiOkResponse({ type: BlogCountersDto })
  @ApiProblems(400, 404)
  unlike(
    @CurrentPrincipal() principal: Principal,
    @SlugParam() slug: string,
  ): Promise<BlogCountersDto> {
    return this.commands.execute(new ReactToPostCommand(slug, 'unlike', principal.userId));
  }

  @Post(':slug/shares')
  @HttpCode(200)
  @Access('public')
  @RateLimit('blogReactions')
  @ApiParam(SLUG_PARAM)
  @ApiOperation({ summary: 'Count a share (the frontend calls it when a share button is used)' })
  @ApiOkResponse({ type: BlogCountersDto })
  @ApiProblems(400, 404)
  share(@SlugParam() slug: string): Promise<BlogCountersDto> {
    return this.commands.execute(new ReactToPostCommand(slug, 'share'));
  }
}
