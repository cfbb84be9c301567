import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { IdentityMail } from '../../emails/identity-mail';
import { identityEmails } from '../../emails/identity-emails';
import { accountLocked, lockoutPolicy } from '../../accounts/lockout';
import { User } from '../../entities/user.entity';
import { PasswordHasher } from '../../password-hasher';
import { SessionService } from '../../sessions/session.service';
import { ChangePasswordCommand } from './change-password.command';

/**
 * Changes the password after checking the current one; other sessions end, this
 * one stays. Wrong current passwords count toward the account lock, so a stolen
 * access token cannot be used to guess the password without bound.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly mail: IdentityMail,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  async execute({ principal, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    // A wrong current password is returned, not thrown, so that it counts toward the lock.
    const refusal = await this.uow.run(async (em): Promise<Problem | undefined> => {
      const user = await em.findOneOrFail(User, principal.userId, {
        populate: ['passwordHash'],
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (user.isLocked()) return accountLocked();
      if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
        user.recordFailedLogin(lockoutPolicy(this.config));
        return Problem.forbidden('auth.wrong_password', 'The current password is incorrect');
      }
      user.changePassword(passwordHash, 'change');
      await this.mail.queue(em, user, identityEmails['password-changed'], { name: user.name });
      return undefined;
    });
    if (refusal) throw refusal;
    await this.sessions.endAll(principal.userId, {
      reason: 'password_changed',
      keepAccessJti: principal.tokenId,
    });
  }
}
