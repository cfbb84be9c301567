import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { SocialAnalyticsDto, SocialAnalyticsQueryDto } from './dto/social-insights.dto';
import { SocialAnalyticsQuery } from './queries/analytics/analytics.query';

@ApiTags('social')
@Controller({ path: 'social/analytics', version: '1' })
@Access('user', { feature: 'socialBasics' })
export class SocialAnalyticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('social:read')
  @ApiOperation({
    summary:
      'Daily series of published posts and their latest metrics; pro and premium add a breakdown',
    description:
      'Every plan gets the series. `advanced` (per network, engagement rate, top posts) is for plans ' +
      'with advanced analytics; otherwise it is null and `requiredPlan` names the plan that adds it.',
  })
  @ApiOkResponse({ type: SocialAnalyticsDto })
  @ApiProblems(400, 404)
  analytics(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: SocialAnalyticsQueryDto,
  ): Promise<SocialAnalyticsDto> {
    return this.queries.execute(
      new SocialAnalyticsQuery(actor, query.from, query.to, query.account),
    );
  }
}
