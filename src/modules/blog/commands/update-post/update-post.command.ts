import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { PostInput } from '../../content/post-writer';
import type { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';

export class UpdatePostCommand extends Command<BlogAdminPostDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
    readonly input: PostInput,
  ) {
    super();
  }
}
