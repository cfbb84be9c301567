import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { JobMatchDto, JobMatchQueryDto } from './dto/job-match.dto';
import { GetJobMatchQuery } from './queries/get-job-match/get-job-match.query';

@ApiTags('jobs')
@Controller({ path: 'jobs/:id/match', version: '1' })
@Access('user')
export class JobsMatchController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('jobs:read')
  @ApiOperation({
    summary: 'How well one of your CVs fits a job: score, matched and missing skills and keywords',
    description:
      'The score is deterministic (no AI). Pro and Premium also get an AI-assisted `explanation` (local rules when no model is configured). Another user’s CV: 404.',
  })
  @ApiOkResponse({ type: JobMatchDto })
  @ApiProblems(400, 404, 503)
  match(
    @CurrentPrincipal() actor: Principal,
    @IdParam() id: string,
    @QueryParams() query: JobMatchQueryDto,
  ): Promise<JobMatchDto> {
    return this.queries.execute(new GetJobMatchQuery(actor, id, query.cvId));
  }
}
