import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SocialPostDto } from '../../dto/social-post.dto';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { scheduleTargets } from '../../services/post-scheduling';
import { socialProblems } from '../../social.problems';
import { PublishNowCommand } from './publish-now.command';

@CommandHandler(PublishNowCommand)
export class PublishNowHandler implements ICommandHandler<PublishNowCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, postId }: PublishNowCommand): Promise<SocialPostDto> {
    return this.uow.run(async (em, events) => {
      const post = await em.findOne(SocialPost, { id: postId, userId: actor.userId });
      if (!post) throw socialProblems.problem('social.post_not_found', `No post ${postId}`);
      const now = new Date();
      await scheduleTargets(em, events, {
        post,
        tier: actor.tier,
        timeFor: () => now,
        requeue: true,
      });
      return SocialPostDto.of(post, await em.find(SocialPostTarget, { post: post.id }));
    });
  }
}
