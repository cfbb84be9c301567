import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogCommentDto } from '../../dto/blog-comment.dto';

export class ModerateCommentCommand extends Command<BlogCommentDto> {
  constructor(
    readonly actor: Principal,
    readonly commentId: string,
    readonly status: 'approved' | 'rejected' | 'spam',
  ) {
    super();
  }
}
