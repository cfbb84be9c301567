import { Query } from '@nestjs/cqrs';
import type { BlogPublicPostPageDto, PostField } from '../../dto/blog-public.dto';

export interface PublicPostFilter {
  category?: string;
  tag?: string;
  author?: string;
  search?: string;
  fields?: PostField[];
  includeBody?: boolean;
  page: number;
  limit: number;
}

export class ListPublicPostsQuery extends Query<BlogPublicPostPageDto> {
  constructor(readonly filter: PublicPostFilter) {
    super();
  }
}
