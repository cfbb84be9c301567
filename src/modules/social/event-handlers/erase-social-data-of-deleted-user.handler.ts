import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { SocialAccount } from '../entities/social-account.entity';
import { SocialPost } from '../entities/social-post.entity';
import { SocialAccountDisconnected, SocialPostDeleted } from '../events/social.events';
import { AccountRevoker } from '../services/account-revoker';

/**
 * An erased account disconnects every social account (revoking where the network
 * allows) and takes posts, drafts, targets, queue slots and metrics with it. Idempotent.
 */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseSocialDataOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly revoker: AccountRevoker,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    const accounts = await this.em.fork().find(SocialAccount, { userId });
    for (const account of accounts) await this.revoker.revoke(account);
    await this.uow.run(async (em, events) => {
      const posts = await em.execute<{ id: string }[]>(
        'select id from social_posts where user_id = ?',
        [userId],
      );
      for (const post of posts) {
        events.record(new SocialPostDeleted(post.id, { userId, reason: 'account_deleted' }));
      }
      for (const account of accounts) {
        events.record(
          new SocialAccountDisconnected(account.id, {
            userId,
            network: account.network,
            reason: 'account_deleted',
          }),
        );
      }
      await em.nativeDelete(SocialPost, { userId });
      await em.nativeDelete(SocialAccount, { userId });
    });
  }
}
