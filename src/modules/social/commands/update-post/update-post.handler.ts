import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SocialPostDto } from '../../dto/social-post.dto';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { resolveMedia } from '../../services/post-media';
import { resolveVariants, scheduleTime } from '../../services/post-input';
import {
  assertEditable,
  ownAccounts,
  scheduleTargets,
  unscheduleTargets,
} from '../../services/post-scheduling';
import { socialProblems } from '../../social.problems';
import { UpdatePostCommand } from './update-post.command';

/**
 * Edits a post that has not gone out. A scheduled post is validated and queued
 * again (the new jobs carry the new time in their ids; old jobs find nothing to do);
 * `scheduledAt: null` turns it back into a draft.
 */
@CommandHandler(UpdatePostCommand)
export class UpdatePostHandler implements ICommandHandler<UpdatePostCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, postId, input }: UpdatePostCommand): Promise<SocialPostDto> {
    return this.uow.run(async (em, events) => {
      const post = await em.findOne(SocialPost, { id: postId, userId: actor.userId });
      if (!post) throw socialProblems.problem('social.post_not_found', `No post ${postId}`);
      await assertEditable(em, post);
      if (input.text !== undefined) post.text = input.text;
      if (input.media !== undefined) post.media = await resolveMedia(em, actor.userId, input.media);
      if (input.variants !== undefined) {
        post.variants = await resolveVariants(em, actor.userId, input.variants);
      }
      if (input.accounts !== undefined) {
        post.accountIds = [...new Set(input.accounts)];
        await ownAccounts(em, actor.userId, post.accountIds);
      }
      if (input.firstComment !== undefined) post.firstComment = input.firstComment;
      if (input.thread !== undefined) post.thread = input.thread;
      post.updatedAt = new Date();
      if (input.scheduledAt === null) {
        await unscheduleTargets(em, post);
      } else if (input.scheduledAt !== undefined || post.status === 'scheduled') {
        const at = input.scheduledAt ? scheduleTime(input.scheduledAt) : undefined;
        await scheduleTargets(em, events, {
          post,
          tier: actor.tier,
          timeFor: () => at ?? post.scheduledAt ?? new Date(),
        });
      }
      return SocialPostDto.of(post, await em.find(SocialPostTarget, { post: post.id }));
    });
  }
}
