import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogRevisionDiffDto } from '../../dto/blog-admin-post.dto';

export class DiffRevisionsQuery extends Query<BlogRevisionDiffDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
