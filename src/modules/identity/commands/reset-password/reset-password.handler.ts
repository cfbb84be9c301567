import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { MailOutbox } from '../../../mail';
import { identityEmails } from '../../emails/identity-emails';
import { User } from '../../entities/user.entity';
import { PasswordHasher } from '../../password-hasher';
import { SessionService } from '../../sessions/session.service';
import { UserTokens } from '../../sessions/user-tokens';
import { ResetPasswordCommand } from './reset-password.command';

/** Sets a new password from an emailed token, ends every session and tells the owner. */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: UserTokens,
    private readonly hasher: PasswordHasher,
    private readonly outbox: MailOutbox,
    private readonly sessions: SessionService,
  ) {}

  async execute(command: ResetPasswordCommand): Promise<void> {
    const passwordHash = await this.hasher.hash(command.password);
    const userId = await this.uow.run(async (em) => {
      const id = await this.tokens.consume(em, command.token, 'password_reset');
      const user = id ? await em.findOne(User, id) : null;
      if (!user) return undefined;
      user.changePassword(passwordHash, 'reset');
      this.outbox.queue(em, [user.email], identityEmails.passwordChanged(user.name), {
        template: 'password-changed',
      });
      return user.id;
    });
    if (!userId)
      throw Problem.badRequest('auth.invalid_reset_token', 'The link is invalid, used or expired');
    await this.sessions.endAll(userId, { reason: 'password_changed' });
  }
}
