import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import { IdentityMail } from '../../emails/identity-mail';
import { identityEmails } from '../../emails/identity-emails';
import { ApiKey } from '../../entities/api-key.entity';
import { User } from '../../entities/user.entity';
import { UserIdentity } from '../../entities/user-identity.entity';
import { IdentityUnlinked } from '../../events/oauth.events';
import { PasswordHasher } from '../../password-hasher';
import { SessionService } from '../../sessions/session.service';
import { UserTokens } from '../../sessions/user-tokens';
import { ResetPasswordCommand, type ResetCleanup } from './reset-password.command';

/**
 * Sets a new password from an emailed token, ends every session and tells the
 * owner. The reset proves the address, so providers linked while it was not
 * yet verified (possibly by someone who registered it first) are unlinked; on
 * request every provider is unlinked and every API key revoked.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: UserTokens,
    private readonly hasher: PasswordHasher,
    private readonly mail: IdentityMail,
    private readonly sessions: SessionService,
  ) {}

  async execute(command: ResetPasswordCommand): Promise<void> {
    const passwordHash = await this.hasher.hash(command.password);
    const userId = await this.uow.run(async (em, events) => {
      const id = await this.tokens.consume(em, command.token, 'password_reset');
      const user = id ? await em.findOne(User, id) : null;
      if (!user) return undefined;
      user.changePassword(passwordHash, 'reset');
      await this.cleanUp(em, events, user.id, command.cleanup);
      await this.mail.queue(em, user, identityEmails['password-changed'], { name: user.name });
      return user.id;
    });
    if (!userId)
      throw Problem.badRequest('auth.invalid_reset_token', 'The link is invalid, used or expired');
    await this.sessions.endAll(userId, { reason: 'password_changed' });
  }

  private async cleanUp(
    em: EntityManager,
    events: EventRecorder,
    userId: string,
    cleanup: ResetCleanup,
  ): Promise<void> {
    const identities = await em.find(UserIdentity, {
      userId,
      ...(cleanup.unlinkIdentities ? {} : { linkedWhileEmailUnverified: true }),
    });
    for (const identity of identities) {
      em.remove(identity);
      events.record(new IdentityUnlinked(userId, { provider: identity.provider }));
    }
    if (cleanup.revokeApiKeys) {
      for (const key of await em.find(ApiKey, { userId, revokedAt: null })) key.revoke();
    }
  }
}
