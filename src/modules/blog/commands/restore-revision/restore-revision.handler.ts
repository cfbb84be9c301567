import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findEditablePost } from '../../blog.policies';
import { blogProblems } from '../../blog.problems';
import { PostWriter } from '../../content/post-writer';
import { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';
import type { FeaturedImage, SocialOverrides } from '../../entities/blog-post.entity';
import { BlogPostRevision } from '../../entities/blog-post-revision.entity';
import { RestoreRevisionCommand } from './restore-revision.command';

/**
 * Restores the content of revision n as a new revision (history is never
 * rewritten), like CV versions. The status is left as it is; the slug goes
 * back too, so the current one becomes a 301.
 */
@CommandHandler(RestoreRevisionCommand)
export class RestoreRevisionHandler implements ICommandHandler<RestoreRevisionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writer: PostWriter,
  ) {}

  execute({ actor, postId, revision }: RestoreRevisionCommand): Promise<BlogAdminPostDto> {
    return this.uow.run(async (em, events) => {
      const post = await findEditablePost(em, actor, postId, 'update', { lock: true });
      const row = await em.findOne(BlogPostRevision, { postId, revision });
      if (!row) {
        throw blogProblems.problem('blog.revision_not_found', `Post has no revision ${revision}`);
      }
      const { content } = row;
      await this.writer.save(
        em,
        events,
        post,
        {
          ...content,
          featuredImage: content.featuredImage as FeaturedImage | null,
          openGraph: content.openGraph as SocialOverrides | null,
          twitter: content.twitter as SocialOverrides | null,
        },
        actor.userId,
        'restored',
        revision,
      );
      return BlogAdminPostDto.of(post);
    });
  }
}
