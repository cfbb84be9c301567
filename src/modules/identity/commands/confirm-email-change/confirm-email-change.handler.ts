import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { MailOutbox } from '../../../mail';
import { emailChangeEmails } from '../../emails/email-change-emails';
import { User } from '../../entities/user.entity';
import { identityProblems } from '../../identity.problems';
import { isDeliverable } from '../../oauth/placeholder-email';
import { UserTokens } from '../../sessions/user-tokens';
import { ConfirmEmailChangeCommand } from './confirm-email-change.command';

const invalidLink = () =>
  identityProblems.problem(
    'auth.invalid_email_change_token',
    'The link is invalid, used or expired, or the address now belongs to another account',
  );

/**
 * The new address proved it receives mail: it becomes the account's (verified)
 * address, so signing in with it works and with the old one no longer does.
 * Sessions are kept: the change was asked for by a signed-in user who proved
 * it was them, and the old address was told at once with a way to cancel.
 * Password-reset links still out (sent to the old address) stop working; the
 * old address hears of the change.
 */
@CommandHandler(ConfirmEmailChangeCommand)
export class ConfirmEmailChangeHandler implements ICommandHandler<ConfirmEmailChangeCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: UserTokens,
    private readonly outbox: MailOutbox,
  ) {}

  async execute({ token }: ConfirmEmailChangeCommand): Promise<void> {
    let changed: boolean;
    try {
      changed = await this.uow.run(async (em) => {
        const userId = await this.tokens.consume(em, token, 'email_change');
        const user = userId ? await em.findOne(User, userId) : null;
        if (!user?.pendingEmail) return false;
        if (await em.count(User, { email: user.pendingEmail, id: { $ne: user.id } })) return false;
        const oldEmail = user.email;
        user.confirmEmailChange();
        await this.tokens.revoke(em, user.id, ['password_reset', 'email_verification']);
        if (isDeliverable(oldEmail)) {
          this.outbox.queue(em, [oldEmail], emailChangeEmails.changed(user.name, user.email), {
            template: 'email-changed',
          });
        }
        return true;
      });
    } catch (error) {
      // Another account took the address between the check and the commit.
      if (error instanceof UniqueConstraintViolationException) throw invalidLink();
      throw error;
    }
    if (!changed) throw invalidLink();
  }
}
