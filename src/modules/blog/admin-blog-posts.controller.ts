import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CreatePostCommand } from './commands/create-post/create-post.command';
import { DeletePostCommand } from './commands/delete-post/delete-post.command';
import { RestoreRevisionCommand } from './commands/restore-revision/restore-revision.command';
import { UpdatePostCommand } from './commands/update-post/update-post.command';
import {
  BlogAdminPostDto,
  BlogAdminPostPageDto,
  BlogRevisionDiffDto,
  BlogRevisionDiffQueryDto,
  BlogRevisionListDto,
  ListBlogAdminPostsQueryDto,
} from './dto/blog-admin-post.dto';
import { CreateBlogPostDto, UpdateBlogPostDto } from './dto/blog-post-input.dto';
import { DiffRevisionsQuery } from './queries/diff-revisions/diff-revisions.query';
import { GetAdminPostQuery } from './queries/get-admin-post/get-admin-post.query';
import { ListAdminPostsQuery } from './queries/list-admin-posts/list-admin-posts.query';
import { ListRevisionsQuery } from './queries/list-revisions/list-revisions.query';
import { Idempotent } from '../idempotency';

/**
 * `/v1/admin/blog/posts`: authoring. Editors work on their own posts (another
 * editor's is a 404), admins on every post; other users get 403.
 */
@ApiTags('blog-admin')
@Controller({ path: 'admin/blog/posts', version: '1' })
@Access('editor')
export class AdminBlogPostsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Write a post (draft, scheduled or published); Markdown is rendered to sanitized HTML',
    description:
      'The slug is generated from the title unless given. Code blocks are not highlighted by the ' +
      'server: they come as `<pre><code class="language-x">` for the frontend to highlight.',
  })
  @ApiCreatedResponse({ type: BlogAdminPostDto })
  @ApiProblems(400, 404, 409, 422)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateBlogPostDto,
  ): Promise<BlogAdminPostDto> {
    return this.commands.execute(new CreatePostCommand(principal, body));
  }

  @Get()
  @ApiOperation({ summary: 'Posts to edit, newest first, by status and full-text search' })
  @ApiOkResponse({ type: BlogAdminPostPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: ListBlogAdminPostsQueryDto,
  ): Promise<BlogAdminPostPageDto> {
    return this.queries.execute(
      new ListAdminPostsQuery(principal, {
        status: query.status,
        q: query.q,
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One post with its Markdown and rendered HTML' })
  @ApiOkResponse({ type: BlogAdminPostDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<BlogAdminPostDto> {
    return this.queries.execute(new GetAdminPostQuery(principal, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a post (a new revision); a new slug keeps the old one answering 301',
    description:
      '`status: scheduled` needs a future `publishAt`: the post goes live then, once across workers.',
  })
  @ApiOkResponse({ type: BlogAdminPostDto })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: UpdateBlogPostDto,
  ): Promise<BlogAdminPostDto> {
    return this.commands.execute(new UpdatePostCommand(principal, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a post with its revisions, comments and likes' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  async remove(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new DeletePostCommand(principal, id));
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: 'A post’s revisions, newest first' })
  @ApiOkResponse({ type: BlogRevisionListDto })
  @ApiProblems(400, 404)
  revisions(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
  ): Promise<BlogRevisionListDto> {
    return this.queries.execute(new ListRevisionsQuery(principal, id));
  }

  @Get(':id/revisions/diff')
  @ApiOperation({ summary: 'What changed between two revisions' })
  @ApiOkResponse({ type: BlogRevisionDiffDto })
  @ApiProblems(400, 404)
  diff(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: BlogRevisionDiffQueryDto,
  ): Promise<BlogRevisionDiffDto> {
    return this.queries.execute(new DiffRevisionsQuery(principal, id, query.from, query.to));
  }

  @Post(':id/revisions/:n/restore')
  @HttpCode(200)
  @ApiParam({ name: 'n', type: Number, example: 2, description: 'Revision number, from 1' })
  @ApiOperation({ summary: 'Restore revision n’s content as a new revision (status unchanged)' })
  @ApiOkResponse({ type: BlogAdminPostDto })
  @ApiProblems(400, 404, 409)
  restore(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Param('n', new ParseIntPipe()) n: number,
  ): Promise<BlogAdminPostDto> {
    return this.commands.execute(new RestoreRevisionCommand(principal, id, n));
  }
}
