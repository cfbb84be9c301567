import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../../identity';
import { blogProblems } from '../../blog.problems';
import { postNotFound } from '../../blog.policies';
import { moderate } from '../../comments/moderation';
import { toCommentDto } from '../../comments/comment-dto';
import type { BlogCommentDto } from '../../dto/blog-comment.dto';
import { BlogComment } from '../../entities/blog-comment.entity';
import { BlogPost } from '../../entities/blog-post.entity';
import { BlogCommentPosted } from '../../events/blog.events';
import { PostCommentCommand } from './post-comment.command';

/** A signed-in reader's comment or reply (one level) on a published post, moderated on arrival. */
@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  execute({ actor, slug, body, parentId }: PostCommentCommand): Promise<BlogCommentDto> {
    return this.uow.run(async (em, events) => {
      const post = await em.findOne(BlogPost, { slug, status: 'published' });
      if (!post) throw postNotFound(slug);
      if (parentId) {
        const parent = await em.findOne(BlogComment, {
          id: parentId,
          postId: post.id,
          parentId: null,
          status: 'approved',
        });
        if (!parent) {
          throw blogProblems.problem(
            'blog.invalid_parent',
            'Reply to an approved top-level comment',
          );
        }
      }
      const user = await em.findOneOrFail(User, { id: actor.userId });
      const trusted =
        (await em.count(BlogComment, { userId: actor.userId, status: 'approved' })) > 0;
      const verdict = moderate(body, trusted, {
        blocklist: this.config.env.BLOG_COMMENT_BLOCKLIST,
        maxLinks: this.config.env.BLOG_COMMENT_MAX_LINKS,
      });
      const comment = em.create(BlogComment, {
        postId: post.id,
        parentId: parentId ?? null,
        userId: actor.userId,
        authorName: user.name,
        body,
        status: verdict.status,
        heldFor: verdict.heldFor,
        createdAt: new Date(),
      });
      events.record(
        new BlogCommentPosted(comment.id, {
          postId: post.id,
          postAuthorId: post.authorId,
          userId: actor.userId,
          status: comment.status,
          heldFor: comment.heldFor,
        }),
      );
      return toCommentDto(comment);
    });
  }
}
