import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';

export class GetAdminPostQuery extends Query<BlogAdminPostDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
  ) {
    super();
  }
}
