import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogAdminPostPageDto } from '../../dto/blog-admin-post.dto';
import type { PostStatus } from '../../entities/blog-post.entity';

/** The caller's posts (everyone's for admins), newest first, by status and full text. */
export class ListAdminPostsQuery extends Query<BlogAdminPostPageDto> {
  constructor(
    readonly actor: Principal,
    readonly filter: { status?: PostStatus; q?: string; limit: number; cursor?: string },
  ) {
    super();
  }
}
