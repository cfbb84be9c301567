import { Body, Controller, Get, Patch, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { ModerateCommentCommand } from './commands/moderate-comment/moderate-comment.command';
import {
  BlogCommentDto,
  BlogModerationPageDto,
  ListBlogModerationQueryDto,
  ModerateBlogCommentDto,
} from './dto/blog-comment.dto';
import { ListModerationQuery } from './queries/list-moderation/list-moderation.query';

/** `/v1/admin/blog/comments`: moderation of comments on the caller's posts (every post for admins). */
@ApiTags('blog-admin')
@Controller({ path: 'admin/blog/comments', version: '1' })
@Access('editor')
export class AdminBlogCommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Comments by status (default: pending), newest first' })
  @ApiOkResponse({ type: BlogModerationPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: ListBlogModerationQueryDto,
  ): Promise<BlogModerationPageDto> {
    return this.queries.execute(
      new ListModerationQuery(principal, query.status, query.limit, query.cursor),
    );
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Approve, reject or mark a comment as spam',
    description: 'An approved comment makes its author trusted: their next comments show at once.',
  })
  @ApiOkResponse({ type: BlogCommentDto })
  @ApiProblems(400, 404)
  moderate(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: ModerateBlogCommentDto,
  ): Promise<BlogCommentDto> {
    return this.commands.execute(new ModerateCommentCommand(principal, id, body.status));
  }
}
