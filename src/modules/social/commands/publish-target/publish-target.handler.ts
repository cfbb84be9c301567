import { InjectQueue } from '@nestjs/bull';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { SocialNetworkError } from '@lib/providers';
import { QUEUES } from '@lib/queue';
import { SocialAccount } from '../../entities/social-account.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { SocialAccountReconnectRequired } from '../../events/social.events';
import { SOCIAL_CONFIRM, type ConfirmTargetJob } from '../../jobs/social-jobs';
import { findEarlierPost } from '../../services/earlier-post';
import { PublishContext } from '../../services/publish-context';
import { SocialNetworks } from '../../services/social-networks.provider';
import { markFailed, markPublished, markUnconfirmed } from '../../services/target-outcomes';
import { PublishTargetCommand, type PublishOutcome } from './publish-target.command';

/**
 * At most once per target: one worker wins the conditional `queued → publishing`
 * update for this scheduled time (another worker, a redelivered or an outdated
 * job finds nothing to claim). A check job is queued before the create call, so a
 * worker dying mid-call still gets its target settled. The create is never
 * retried: a timeout (or any answer that does not say the post was refused) makes
 * the target `unconfirmed`; a duplicate answer resolves to the existing post.
 */
@CommandHandler(PublishTargetCommand)
export class PublishTargetHandler implements ICommandHandler<PublishTargetCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly context: PublishContext,
    private readonly networks: SocialNetworks,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue<ConfirmTargetJob>,
  ) {}

  async execute({ targetId, scheduledAt }: PublishTargetCommand): Promise<PublishOutcome> {
    const earlier = await this.uow.run((em) =>
      em.findOne(SocialPostTarget, { id: targetId }, { fields: ['attemptedAt'] }),
    );
    const earlierAttempt = earlier?.attemptedAt ?? null;
    const attemptedAt = new Date();
    const claimed = await this.uow.run((em) =>
      em.nativeUpdate(
        SocialPostTarget,
        { id: targetId, status: 'queued', scheduledAt },
        { status: 'publishing', attemptedAt, updatedAt: attemptedAt },
      ),
    );
    if (claimed === 0) return 'skipped';
    await this.queue.add(
      SOCIAL_CONFIRM,
      { targetId },
      {
        jobId: `confirm:${targetId}:${attemptedAt.getTime()}`,
        delay: this.config.env.SOCIAL_CONFIRM_DELAY_MS,
        attempts: 5,
      },
    );
    const ctx = await this.context.load(targetId);
    if (!ctx) return 'skipped';
    const driver = this.networks.driver(ctx.account.network);
    const refuse = async (reason: string, retryable: boolean) => {
      await this.uow.run((em, events) => markFailed(em, events, ctx.target, reason, retryable));
      return 'failed' as const;
    };
    if (!driver) return refuse(`${ctx.account.network} is not available here`, false);
    if (ctx.account.health() === 'reconnect_required') return refuse('reconnect_required', true);
    if (ctx.content.media.some((m) => !m.url)) return refuse('A media file was deleted', false);

    try {
      const found = earlierAttempt ? await findEarlierPost(driver, ctx, earlierAttempt) : undefined;
      if (found) {
        await this.uow.run((em, events) =>
          markPublished(em, events, ctx.target, found, 'recent_posts'),
        );
        return 'published';
      }
      const published = await driver.createPost(ctx.access, ctx.content);
      await this.uow.run((em, events) =>
        markPublished(em, events, ctx.target, published, 'created'),
      );
      return 'published';
    } catch (error) {
      if (
        !(error instanceof SocialNetworkError) ||
        ['timeout', 'unavailable'].includes(error.kind)
      ) {
        await this.uow.run((em, events) =>
          markUnconfirmed(
            em,
            events,
            ctx.target,
            `No answer from ${ctx.account.network}: the post may exist; checking its recent posts`,
          ),
        );
        return 'unconfirmed';
      }
      if (error.kind === 'duplicate' && error.existing) {
        const existing = error.existing;
        await this.uow.run((em, events) =>
          markPublished(em, events, ctx.target, existing, 'duplicate'),
        );
        return 'published';
      }
      if (error.kind === 'invalid_token') {
        await this.uow.run(async (em, events) => {
          await markFailed(em, events, ctx.target, 'reconnect_required', true);
          const changed = await em.nativeUpdate(
            SocialAccount,
            { id: ctx.account.id, status: 'connected' },
            { status: 'reconnect_required', statusReason: error.message, updatedAt: new Date() },
          );
          if (changed > 0) {
            events.record(
              new SocialAccountReconnectRequired(ctx.account.id, {
                userId: ctx.account.userId,
                network: ctx.account.network,
                name: ctx.account.name,
                reason: error.message,
              }),
            );
          }
        });
        return 'failed';
      }
      return refuse(`${error.kind}: ${error.message}`, error.retryable);
    }
  }
}
