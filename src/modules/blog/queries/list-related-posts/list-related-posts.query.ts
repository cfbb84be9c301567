import { Query } from '@nestjs/cqrs';
import type { BlogPublicPostListDto } from '../../dto/blog-public.dto';

export class ListRelatedPostsQuery extends Query<BlogPublicPostListDto> {
  constructor(
    readonly slug: string,
    readonly limit: number,
  ) {
    super();
  }
}
