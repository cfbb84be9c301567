import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataVault, UnitOfWork } from '@lib/event-store';
import type { Problem } from '@lib/problems';
import { MailOutbox } from '../../../mail';
import { IdentityMail } from '../../emails/identity-mail';
import { identityEmails } from '../../emails/identity-emails';
import { ApiKey } from '../../entities/api-key.entity';
import { UserDevice } from '../../entities/user-device.entity';
import { UserIdentity } from '../../entities/user-identity.entity';
import { UserToken } from '../../entities/user-token.entity';
import { UserDeleted } from '../../events/identity.events';
import { hasUsablePassword } from '../../oauth/unusable-password';
import { PasswordHasher } from '../../password-hasher';
import { SessionService, type DeniedToken } from '../../sessions/session.service';
import { twoFactorProblems } from '../../two-factor/two-factor.problems';
import { lockForSecondFactor, TwoFactorService } from '../../two-factor/two-factor.service';
import { DeleteAccountCommand } from './delete-account.command';

/**
 * Erases an account in one transaction: the user row and everything identity
 * holds for it, the emails stored for its address, and (crypto-shredding) its
 * personal data in the event store. Other modules delete their data when they
 * see `identity.user_deleted`. Needs the password, and the second factor when on.
 */
@CommandHandler(DeleteAccountCommand)
export class DeleteAccountHandler implements ICommandHandler<DeleteAccountCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionService,
    private readonly outbox: MailOutbox,
    private readonly mail: IdentityMail,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ userId, password, otp }: DeleteAccountCommand): Promise<void> {
    const outcome = await this.uow.run(
      async (em, events): Promise<{ refusal?: Problem; denied?: DeniedToken[] }> => {
        const user = await lockForSecondFactor(em, userId);
        if (hasUsablePassword(user.passwordHash)) {
          if (!password) throw twoFactorProblems.passwordRequired();
          if (!(await this.hasher.verify(password, user.passwordHash)))
            throw twoFactorProblems.invalidPassword();
        }
        const refusal = await this.twoFactor.refuseSecondFactor(
          em,
          events,
          user,
          otp,
          'delete_account',
        );
        if (refusal) return { refusal };

        const denied = await this.sessions.forgetAll(em, userId);
        await this.deleteIdentityData(em, userId);
        await this.outbox.forget(em, user.email);
        await this.mail.queue(em, user, identityEmails['account-deleted'], { name: user.name });
        em.remove(user);
        events.record(new UserDeleted(userId));
        await this.vault.shred(em, userId);
        return { denied };
      },
    );
    if (outcome.refusal) throw outcome.refusal;
    await this.sessions.deny(outcome.denied ?? []);
  }

  private async deleteIdentityData(em: EntityManager, userId: string): Promise<void> {
    for (const entity of [ApiKey, UserIdentity, UserToken, UserDevice]) {
      await em.nativeDelete(entity, { userId });
    }
  }
}
