import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { SocialAccount } from '../../entities/social-account.entity';
import { SocialAccountDisconnected } from '../../events/social.events';
import { AccountRevoker } from '../../services/account-revoker';
import { socialProblems } from '../../social.problems';
import { DisconnectAccountCommand } from './disconnect-account.command';

/**
 * Revokes the tokens where the network allows it, then deletes the account with
 * its queue slots and targets (their metrics go with them).
 */
@CommandHandler(DisconnectAccountCommand)
export class DisconnectAccountHandler implements ICommandHandler<DisconnectAccountCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly revoker: AccountRevoker,
  ) {}

  async execute({ actor, accountId }: DisconnectAccountCommand): Promise<void> {
    const account = await this.em
      .fork()
      .findOne(SocialAccount, { id: accountId, userId: actor.userId });
    if (!account)
      throw socialProblems.problem('social.account_not_found', `No account ${accountId}`);
    await this.revoker.revoke(account);
    await this.uow.run(async (em, events) => {
      const deleted = await em.nativeDelete(SocialAccount, {
        id: account.id,
        userId: actor.userId,
      });
      if (deleted === 0) return;
      events.record(
        new SocialAccountDisconnected(account.id, {
          userId: actor.userId,
          network: account.network,
          reason: 'user',
        }),
      );
    });
  }
}
