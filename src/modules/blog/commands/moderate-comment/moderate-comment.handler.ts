import { subject } from '@casl/ability';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineAbilityFor } from '@lib/authz';
import { UnitOfWork } from '@lib/event-store';
import { blogProblems } from '../../blog.problems';
import { toCommentDto } from '../../comments/comment-dto';
import type { BlogCommentDto } from '../../dto/blog-comment.dto';
import { BlogComment } from '../../entities/blog-comment.entity';
import { BlogPost } from '../../entities/blog-post.entity';
import { BlogCommentModerated } from '../../events/blog.events';
import { ModerateCommentCommand } from './moderate-comment.command';

/** Approve, reject or mark as spam: editors on their own posts, admins anywhere. */
@CommandHandler(ModerateCommentCommand)
export class ModerateCommentHandler implements ICommandHandler<ModerateCommentCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, commentId, status }: ModerateCommentCommand): Promise<BlogCommentDto> {
    return this.uow.run(async (em, events) => {
      const comment = await em.findOne(BlogComment, { id: commentId });
      const post = comment && (await em.findOne(BlogPost, { id: comment.postId }));
      const allowed =
        post &&
        defineAbilityFor(actor).can(
          'update',
          subject('BlogComment', { postAuthorId: post.authorId }),
        );
      if (!comment || !post || !allowed) {
        throw blogProblems.problem('blog.comment_not_found', `No comment ${commentId}`);
      }
      const from = comment.status;
      comment.status = status;
      if (status === 'approved') comment.heldFor = null;
      events.record(
        new BlogCommentModerated(comment.id, {
          postId: post.id,
          postAuthorId: post.authorId,
          userId: comment.userId,
          status,
          heldFor: comment.heldFor,
          from,
        }),
      );
      return toCommentDto(comment);
    });
  }
}
