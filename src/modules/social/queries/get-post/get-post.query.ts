import { Query } from '@nestjs/cqrs';
import type { SocialPostDto } from '../../dto/social-post.dto';

export class GetPostQuery extends Query<SocialPostDto> {
  constructor(
    readonly userId: string,
    readonly postId: string,
  ) {
    super();
  }
}
