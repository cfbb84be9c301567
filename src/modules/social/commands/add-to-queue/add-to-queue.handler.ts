import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SocialPostDto } from '../../dto/social-post.dto';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { SocialQueueSlot } from '../../entities/social-queue-slot.entity';
import { ownAccounts, scheduleTargets } from '../../services/post-scheduling';
import { nextFreeSlot } from '../../services/queue-slots';
import { socialProblems } from '../../social.problems';
import { AddToQueueCommand } from './add-to-queue.command';

@CommandHandler(AddToQueueCommand)
export class AddToQueueHandler implements ICommandHandler<AddToQueueCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, postId }: AddToQueueCommand): Promise<SocialPostDto> {
    return this.uow.run(async (em, events) => {
      const post = await em.findOne(SocialPost, { id: postId, userId: actor.userId });
      if (!post) throw socialProblems.problem('social.post_not_found', `No post ${postId}`);
      const slots = await em.find(SocialQueueSlot, { account: { $in: post.accountIds } });
      const taken = await em.find(SocialPostTarget, {
        account: { $in: post.accountIds },
        status: 'queued',
        post: { $ne: post.id },
      });
      const now = new Date();
      const times = new Map<string, Date>();
      for (const account of await ownAccounts(em, actor.userId, post.accountIds)) {
        const at = nextFreeSlot(
          slots.filter((s) => s.account.id === account.id),
          account.timezone,
          now,
          new Set(
            taken.filter((t) => t.account.id === account.id).map((t) => t.scheduledAt.getTime()),
          ),
        );
        if (!at) {
          throw socialProblems.problem(
            'social.no_free_slot',
            `No free queue slot for ${account.id}`,
            {
              accountId: account.id,
            },
          );
        }
        times.set(account.id, at);
      }
      await scheduleTargets(em, events, {
        post,
        tier: actor.tier,
        timeFor: (account) => times.get(account.id)!,
      });
      return SocialPostDto.of(post, await em.find(SocialPostTarget, { post: post.id }));
    });
  }
}
