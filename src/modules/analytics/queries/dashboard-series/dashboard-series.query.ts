import { Query } from '@nestjs/cqrs';
import type { DashboardInterval, DashboardSeriesName } from '../../dashboard-series';
import type { DashboardSeriesDto } from '../../dto/dashboard.dto';

/** One admin dashboard series over UTC days `from`..`to`, bucketed by `interval`. */
export class DashboardSeriesQuery extends Query<DashboardSeriesDto> {
  constructor(
    readonly series: DashboardSeriesName,
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly interval: DashboardInterval,
  ) {
    super();
  }
}
