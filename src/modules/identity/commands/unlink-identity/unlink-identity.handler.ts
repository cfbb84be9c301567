import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { IdentityMail } from '../../emails/identity-mail';
import { identityEmails } from '../../emails/identity-emails';
import { isDeliverable } from '../../oauth/placeholder-email';
import { Problem } from '@lib/problems';
import { isOAuthProvider } from '@lib/providers';
import { User } from '../../entities/user.entity';
import { UserIdentity } from '../../entities/user-identity.entity';
import { IdentityUnlinked } from '../../events/oauth.events';
import { hasUsablePassword } from '../../oauth/unusable-password';
import { UnlinkIdentityCommand } from './unlink-identity.command';

/** Unlinks a provider, unless it is the account's last way to sign in, and tells the owner. */
@CommandHandler(UnlinkIdentityCommand)
export class UnlinkIdentityHandler implements ICommandHandler<UnlinkIdentityCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: IdentityMail,
  ) {}

  async execute(command: UnlinkIdentityCommand): Promise<void> {
    const { userId, provider } = command;
    if (!isOAuthProvider(provider)) throw Problem.notFound('Linked identity');
    await this.uow.run(async (em, events) => {
      // The row lock serialises concurrent unlinks, so two of them cannot remove the last two methods.
      const user = await em.findOne(
        User,
        { id: userId },
        { populate: ['passwordHash'], lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const identity = user ? await em.findOne(UserIdentity, { userId, provider }) : null;
      if (!user || !identity) throw Problem.notFound('Linked identity');
      const identities = await em.count(UserIdentity, { userId });
      if (!hasUsablePassword(user.passwordHash) && identities <= 1) {
        throw Problem.conflict(
          'auth.last_login_method',
          'This is the only way to sign in to this account: set a password (password reset) or link another provider first',
        );
      }
      em.remove(identity);
      events.record(new IdentityUnlinked(userId, { provider }));
      if (isDeliverable(user.email)) {
        await this.mail.queue(em, user, identityEmails['identity-unlinked'], {
          name: user.name,
          provider,
        });
      }
    });
  }
}
