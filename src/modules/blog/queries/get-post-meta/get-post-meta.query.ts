import { Query } from '@nestjs/cqrs';
import type { BlogHeadMetaDto } from '../../dto/blog-public.dto';

export type PostMetaAnswer = { meta: BlogHeadMetaDto } | { movedTo: string };

export class GetPostMetaQuery extends Query<PostMetaAnswer> {
  constructor(readonly slug: string) {
    super();
  }
}
