import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findEditablePost } from '../../blog.policies';
import { BlogComment } from '../../entities/blog-comment.entity';
import { BlogPostLike } from '../../entities/blog-post-like.entity';
import { BlogPostRevision } from '../../entities/blog-post-revision.entity';
import { BlogSlugRedirect } from '../../entities/blog-slug-redirect.entity';
import { BlogPostChanged } from '../../events/blog.events';
import { DeletePostCommand } from './delete-post.command';

/** Deletes a post with its revisions, old slugs, comments and likes (archive it to keep it). */
@CommandHandler(DeletePostCommand)
export class DeletePostHandler implements ICommandHandler<DeletePostCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, postId }: DeletePostCommand): Promise<void> {
    return this.uow.run(async (em, events) => {
      const post = await findEditablePost(em, actor, postId, 'delete', { lock: true });
      for (const entity of [BlogPostRevision, BlogSlugRedirect, BlogComment, BlogPostLike]) {
        await em.nativeDelete(entity, { postId: post.id });
      }
      events.record(
        new BlogPostChanged(post.id, {
          change: 'deleted',
          authorId: post.authorId,
          revision: post.revision,
          status: post.status,
          slug: post.slug,
          publishAt: null,
        }),
      );
      em.remove(post);
    });
  }
}
