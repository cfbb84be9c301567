import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { RecommendedJobsDto, RecommendedJobsQueryDto } from './dto/job-match.dto';
import { RecommendJobsQuery } from './queries/recommend-jobs/recommend-jobs.query';

@ApiTags('jobs')
@Controller({ path: 'jobs/recommended', version: '1' })
@Access('user')
export class JobsRecommendedController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('jobs:read')
  @ApiOperation({
    summary: 'Jobs for one of your CVs, best match first',
    description:
      'Searches active jobs for the CV’s skills and headline, scores the best 50 with the deterministic match of `GET /v1/jobs/{id}/match` and answers the top `limit`. Another user’s CV: 404.',
  })
  @ApiOkResponse({ type: RecommendedJobsDto })
  @ApiProblems(400, 404)
  recommended(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: RecommendedJobsQueryDto,
  ): Promise<RecommendedJobsDto> {
    return this.queries.execute(new RecommendJobsQuery(actor, query.cvId, query.limit));
  }
}
