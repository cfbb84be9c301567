import { Query } from '@nestjs/cqrs';
import type { BlogPublicPostListDto } from '../../dto/blog-public.dto';

/** Published posts with the most (flushed) views. */
export class ListMostReadQuery extends Query<BlogPublicPostListDto> {
  constructor(readonly limit: number) {
    super();
  }
}
