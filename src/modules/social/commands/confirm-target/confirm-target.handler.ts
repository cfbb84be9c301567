import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findEarlierPost } from '../../services/earlier-post';
import { PublishContext } from '../../services/publish-context';
import { SocialNetworks } from '../../services/social-networks.provider';
import { markPublished, markUnconfirmed } from '../../services/target-outcomes';
import { ConfirmTargetCommand } from './confirm-target.command';

/**
 * Looks for the target's text among the account's posts since the create call:
 * found → published with that post; not found → `unconfirmed`, retryable, for the
 * user to publish again or leave. Never creates anything itself.
 */
@CommandHandler(ConfirmTargetCommand)
export class ConfirmTargetHandler implements ICommandHandler<ConfirmTargetCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly context: PublishContext,
    private readonly networks: SocialNetworks,
  ) {}

  async execute({
    targetId,
  }: ConfirmTargetCommand): Promise<'settled' | 'published' | 'unconfirmed'> {
    const ctx = await this.context.load(targetId);
    if (!ctx || !['publishing', 'unconfirmed'].includes(ctx.target.status)) return 'settled';
    const driver = this.networks.driver(ctx.account.network);
    if (!driver) return 'unconfirmed';
    const match = await findEarlierPost(
      driver,
      ctx,
      ctx.target.attemptedAt ?? ctx.target.scheduledAt,
    );
    if (match) {
      await this.uow.run((em, events) =>
        markPublished(em, events, ctx.target, match, 'recent_posts'),
      );
      return 'published';
    }
    await this.uow.run((em, events) =>
      markUnconfirmed(
        em,
        events,
        ctx.target,
        `Not found among the ${ctx.account.network} account's recent posts: publish again, or delete it`,
      ),
    );
    return 'unconfirmed';
  }
}
