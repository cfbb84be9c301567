import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogCommentDto } from '../../dto/blog-comment.dto';

export class PostCommentCommand extends Command<BlogCommentDto> {
  constructor(
    readonly actor: Principal,
    readonly slug: string,
    readonly body: string,
    readonly parentId: string | undefined,
  ) {
    super();
  }
}
