import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { FollowJobBoardCommand } from './commands/follow-job-board/follow-job-board.command';
import { UnfollowJobBoardCommand } from './commands/unfollow-job-board/unfollow-job-board.command';
import { FollowJobBoardDto, JobBoardDto, JobBoardListDto } from './dto/job-board.dto';
import { ListJobBoardsQuery } from './queries/list-job-boards/list-job-boards.query';
import { Idempotent } from '../idempotency';

@ApiTags('admin')
@Controller({ path: 'admin/jobs/boards', version: '1' })
@Access('admin')
export class AdminJobsBoardsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Company boards followed (Greenhouse, Lever, Ashby): env lists and admin-added',
  })
  @ApiOkResponse({ type: JobBoardListDto })
  list(): Promise<JobBoardListDto> {
    return this.queries.execute(new ListJobBoardsQuery());
  }

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Follow a company board (probed once: a board answering 404 is refused with 422)',
  })
  @ApiCreatedResponse({ type: JobBoardDto })
  @ApiProblems(400, 409, 422, 503)
  follow(
    @CurrentPrincipal() actor: Principal,
    @Body() body: FollowJobBoardDto,
  ): Promise<JobBoardDto> {
    return this.commands.execute(new FollowJobBoardCommand(actor.userId, body.source, body.token));
  }

  @Delete(':source/:token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following an admin-added board (its postings expire next run)' })
  @ApiParam({ name: 'source', example: 'greenhouse' })
  @ApiParam({ name: 'token', example: 'airbnb' })
  @ApiNoContentResponse({ description: 'No longer followed' })
  @ApiProblems(404)
  async unfollow(@Param('source') source: string, @Param('token') token: string): Promise<void> {
    await this.commands.execute(new UnfollowJobBoardCommand(source, token));
  }
}
