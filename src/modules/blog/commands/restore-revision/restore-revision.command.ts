import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';

export class RestoreRevisionCommand extends Command<BlogAdminPostDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
    readonly revision: number,
  ) {
    super();
  }
}
