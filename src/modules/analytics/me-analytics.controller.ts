import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { MyAnalyticsDto, MyAnalyticsQueryDto } from './dto/my-analytics.dto';
import { MyAnalyticsQuery } from './queries/my-analytics/my-analytics.query';

@ApiTags('analytics')
@Controller({ path: 'me/analytics', version: '1' })
export class MeAnalyticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('user')
  @ApiOperation({
    summary: 'Your analytics: shared-CV views and downloads, application funnel, social posts',
    description:
      'With advanced analytics (Pro and up): per-CV and per-day series over `from`..`to`. ' +
      'Other plans get the totals of the last 7 days (`summaryOnly`, `requiredPlan`).',
  })
  @ApiOkResponse({ type: MyAnalyticsDto })
  @ApiProblems(400, 422)
  analytics(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: MyAnalyticsQueryDto,
  ): Promise<MyAnalyticsDto> {
    return this.queries.execute(new MyAnalyticsQuery(actor, query.from, query.to));
  }
}
