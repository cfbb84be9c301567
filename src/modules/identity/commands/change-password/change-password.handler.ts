import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { MailOutbox } from '../../../mail';
import { identityEmails } from '../../emails/identity-emails';
import { User } from '../../entities/user.entity';
import { PasswordHasher } from '../../password-hasher';
import { SessionService } from '../../sessions/session.service';
import { ChangePasswordCommand } from './change-password.command';

/** Changes the password after checking the current one; other sessions end, this one stays. */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly outbox: MailOutbox,
    private readonly sessions: SessionService,
  ) {}

  async execute({ principal, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    await this.uow.run(async (em) => {
      const user = await em.findOneOrFail(User, principal.userId, { populate: ['passwordHash'] });
      if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
        throw Problem.forbidden('auth.wrong_password', 'The current password is incorrect');
      }
      user.changePassword(passwordHash, 'change');
      this.outbox.queue(em, [user.email], identityEmails.passwordChanged(user.name), {
        template: 'password-changed',
      });
    });
    await this.sessions.endAll(principal.userId, {
      reason: 'password_changed',
      keepAccessJti: principal.tokenId,
    });
  }
}
