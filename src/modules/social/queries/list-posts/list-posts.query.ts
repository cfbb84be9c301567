import { Query } from '@nestjs/cqrs';
import type { SocialPostPageDto } from '../../dto/social-post.dto';

export class ListPostsQuery extends Query<SocialPostPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
