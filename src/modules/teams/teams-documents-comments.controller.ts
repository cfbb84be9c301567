import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { Idempotent } from '../idempotency';
import { AddCommentCommand } from './commands/add-comment/add-comment.command';
import { DeleteCommentCommand } from './commands/delete-comment/delete-comment.command';
import { AddCommentDto, TeamCommentDto, TeamCommentPageDto } from './dto/team-comment.dto';
import { ListCommentsQuery } from './queries/list-comments/list-comments.query';
import { UuidParam } from './team-params';

/** `/v1/teams/{id}/documents/{shareId}/comments`: members discuss a shared document. */
@ApiTags('teams')
@Controller({ path: 'teams/:id/documents/:shareId/comments', version: '1' })
@Access('user')
export class TeamsDocumentsCommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Comment on a shared document (members; not while frozen)' })
  @ApiCreatedResponse({ type: TeamCommentDto })
  @ApiProblems(400, 403, 404)
  add(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('shareId') shareId: string,
    @Body() body: AddCommentDto,
  ): Promise<TeamCommentDto> {
    return this.commands.execute(new AddCommentCommand(principal.userId, id, shareId, body.body));
  }

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({ summary: 'Comments on a shared document, oldest first' })
  @ApiOkResponse({ type: TeamCommentPageDto })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('shareId') shareId: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamCommentPageDto> {
    return this.queries.execute(
      new ListCommentsQuery(principal.userId, id, shareId, query.limit, query.cursor),
    );
  }

  @Delete(':commentId')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Delete a comment (its author, an admin or the owner)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 403, 404)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('shareId') shareId: string,
    @UuidParam('commentId') commentId: string,
  ): Promise<void> {
    await this.commands.execute(new DeleteCommentCommand(principal.userId, id, shareId, commentId));
  }
}
