import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SocialPostDto } from '../../dto/social-post.dto';
import { SocialPost } from '../../entities/social-post.entity';
import { resolveMedia } from '../../services/post-media';
import { resolveVariants, scheduleTime } from '../../services/post-input';
import { ownAccounts, scheduleTargets } from '../../services/post-scheduling';
import { CreatePostCommand } from './create-post.command';

/** A draft, or (with `scheduledAt` and accounts) a post validated per network and queued per account. */
@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, input }: CreatePostCommand): Promise<SocialPostDto> {
    return this.uow.run(async (em, events) => {
      const accountIds = [...new Set(input.accounts ?? [])];
      await ownAccounts(em, actor.userId, accountIds);
      const now = new Date();
      const post = em.create(SocialPost, {
        userId: actor.userId,
        text: input.text,
        media: await resolveMedia(em, actor.userId, input.media ?? []),
        variants: await resolveVariants(em, actor.userId, input.variants),
        accountIds,
        firstComment: input.firstComment ?? null,
        thread: input.thread ?? [],
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      });
      const targets = input.scheduledAt
        ? await scheduleTargets(em, events, {
            post,
            tier: actor.tier,
            timeFor: () => scheduleTime(input.scheduledAt!),
          })
        : [];
      return SocialPostDto.of(post, targets);
    });
  }
}
