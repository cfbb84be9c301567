import { Query } from '@nestjs/cqrs';
import type { BlogPublicPostDto } from '../../dto/blog-public.dto';

export type PublicPostAnswer = { post: BlogPublicPostDto } | { movedTo: string };

export class GetPublicPostQuery extends Query<PublicPostAnswer> {
  constructor(readonly slug: string) {
    super();
  }
}
