import { Query } from '@nestjs/cqrs';
import type { SocialPostMetricsDto } from '../../dto/social-insights.dto';

export class PostMetricsQuery extends Query<SocialPostMetricsDto> {
  constructor(
    readonly userId: string,
    readonly postId: string,
  ) {
    super();
  }
}
