import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { CursorQueryDto } from '../../common/pagination';
import { SavedJobPageDto } from './dto/saved-job.dto';
import { ListSavedJobsQuery } from './queries/list-saved-jobs/list-saved-jobs.query';

@ApiTags('jobs')
@Controller({ path: 'me/saved-jobs', version: '1' })
@Access('user')
export class MeSavedJobsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('jobs:read')
  @ApiOperation({ summary: 'Your saved jobs, newest save first' })
  @ApiOkResponse({ type: SavedJobPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<SavedJobPageDto> {
    return this.queries.execute(new ListSavedJobsQuery(actor.userId, query.limit, query.cursor));
  }
}
