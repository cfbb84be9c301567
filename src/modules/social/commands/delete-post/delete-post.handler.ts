import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { SocialPostDeleted } from '../../events/social.events';
import { lockUserSocial } from '../../services/plan-quotas';
import { socialProblems } from '../../social.problems';
import { DeletePostCommand } from './delete-post.command';

/**
 * Deletes the post here with its targets and metrics (what was published stays on
 * the networks). Refused while a target is publishing: its outcome must land somewhere.
 */
@CommandHandler(DeletePostCommand)
export class DeletePostHandler implements ICommandHandler<DeletePostCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, postId }: DeletePostCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const post = await em.findOne(SocialPost, { id: postId, userId: actor.userId });
      if (!post) throw socialProblems.problem('social.post_not_found', `No post ${postId}`);
      await lockUserSocial(em, actor.userId);
      if ((await em.count(SocialPostTarget, { post: post.id, status: 'publishing' })) > 0) {
        throw socialProblems.problem('social.post_locked', 'A target is publishing right now');
      }
      await em.nativeDelete(SocialPost, { id: post.id });
      events.record(new SocialPostDeleted(post.id, { userId: actor.userId, reason: 'user' }));
    });
  }
}
