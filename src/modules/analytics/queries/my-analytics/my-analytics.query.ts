import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { MyAnalyticsDto } from '../../dto/my-analytics.dto';

/** The caller's own analytics: full series with `advancedAnalytics`, else a 7-day summary. */
export class MyAnalyticsQuery extends Query<MyAnalyticsDto> {
  constructor(
    readonly actor: Principal,
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}
