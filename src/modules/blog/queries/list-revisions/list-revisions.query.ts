import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogRevisionListDto } from '../../dto/blog-admin-post.dto';

/** A post's revisions, newest first. */
export class ListRevisionsQuery extends Query<BlogRevisionListDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
  ) {
    super();
  }
}
