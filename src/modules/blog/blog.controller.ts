import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Cacheable } from '@lib/cache';
import { Access } from '../../common/access.decorator';
import { STORED_BLOG_ANSWER } from './blog-cache';
import { BlogAuthorListDto, BlogPublicPostListDto, BlogTermListDto } from './dto/blog-public.dto';
import { ListAuthorsQuery } from './queries/list-authors/list-authors.query';
import { ListMostReadQuery } from './queries/list-most-read/list-most-read.query';
import { ListTermsQuery } from './queries/list-terms/list-terms.query';

/** `/v1/blog`: the blog's categories, tags, authors and most-read posts (public, cacheable). */
@ApiTags('blog')
@Controller({ path: 'blog', version: '1' })
@Access('public')
export class BlogController {
  constructor(private readonly queries: QueryBus) {}

  @Get('categories')
  @Cacheable(STORED_BLOG_ANSWER)
  @ApiOperation({ summary: 'Categories with their published post counts' })
  @ApiOkResponse({ type: BlogTermListDto })
  categories(): Promise<BlogTermListDto> {
    return this.queries.execute(new ListTermsQuery('category'));
  }

  @Get('tags')
  @Cacheable(STORED_BLOG_ANSWER)
  @ApiOperation({ summary: 'Tags with their published post counts' })
  @ApiOkResponse({ type: BlogTermListDto })
  tags(): Promise<BlogTermListDto> {
    return this.queries.execute(new ListTermsQuery('tag'));
  }

  @Get('authors')
  @Cacheable(STORED_BLOG_ANSWER)
  @ApiOperation({ summary: 'Authors with published posts: name, bio, avatar, social links' })
  @ApiOkResponse({ type: BlogAuthorListDto })
  authors(): Promise<BlogAuthorListDto> {
    return this.queries.execute(new ListAuthorsQuery());
  }

  @Get('most-read')
  @Cacheable(STORED_BLOG_ANSWER)
  @ApiOperation({ summary: 'The 10 most-read published posts (views flushed every 5 minutes)' })
  @ApiOkResponse({ type: BlogPublicPostListDto })
  mostRead(): Promise<BlogPublicPostListDto> {
    return this.queries.execute(new ListMostReadQuery(10));
  }
}
