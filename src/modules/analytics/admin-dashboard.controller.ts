import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Problem } from '@lib/problems';
import { Access, ApiProblems } from '../../common/access.decorator';
import {
  DASHBOARD_SERIES,
  DASHBOARD_SERIES_NAMES,
  type DashboardSeriesName,
} from './dashboard-series';
import { DashboardSeriesDto, DashboardSeriesQueryDto } from './dto/dashboard.dto';
import { DashboardSeriesQuery } from './queries/dashboard-series/dashboard-series.query';

@ApiTags('admin')
@Controller({ path: 'admin/dashboard', version: '1' })
@Access('admin')
export class AdminDashboardController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':series')
  @ApiParam({ name: 'series', enum: DASHBOARD_SERIES_NAMES })
  @ApiOperation({
    summary:
      'A dashboard time series (signups, active users, funnels, revenue, …) from daily rollups',
    description:
      'Answered from `analytics_daily_rollups` (kept by a job every 10 minutes). `from`/`to` are UTC ' +
      'days (at most 400), `interval` buckets them by day, ISO week or month.',
  })
  @ApiOkResponse({ type: DashboardSeriesDto })
  @ApiProblems(400, 404, 422)
  series(
    @Param('series') series: string,
    @QueryParams() query: DashboardSeriesQueryDto,
  ): Promise<DashboardSeriesDto> {
    if (!Object.hasOwn(DASHBOARD_SERIES, series)) throw Problem.notFound('Dashboard series');
    return this.queries.execute(
      new DashboardSeriesQuery(series as DashboardSeriesName, query.from, query.to, query.interval),
    );
  }
}
