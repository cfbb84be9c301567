import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogModerationPageDto } from '../../dto/blog-comment.dto';
import type { CommentStatus } from '../../entities/blog-comment.entity';

/** Comments with a status on the caller's posts (all posts for admins), newest first. */
export class ListModerationQuery extends Query<BlogModerationPageDto> {
  constructor(
    readonly actor: Principal,
    readonly status: CommentStatus,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
