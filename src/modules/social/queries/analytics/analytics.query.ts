import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SocialAnalyticsDto } from '../../dto/social-insights.dto';

export class SocialAnalyticsQuery extends Query<SocialAnalyticsDto> {
  constructor(
    readonly actor: Principal,
    readonly from: string,
    readonly to: string,
    readonly accountId?: string,
  ) {
    super();
  }
}
