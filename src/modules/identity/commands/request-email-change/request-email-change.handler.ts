import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { MailOutbox } from '../../../mail';
import { Reauthentication } from '../../accounts/reauthentication';
import { emailChangeEmails } from '../../emails/email-change-emails';
import { User } from '../../entities/user.entity';
import { identityProblems } from '../../identity.problems';
import { isDeliverable } from '../../oauth/placeholder-email';
import { UserTokens } from '../../sessions/user-tokens';
import { lockForSecondFactor } from '../../two-factor/two-factor.service';
import { RequestEmailChangeCommand } from './request-email-change.command';

/** How long the old address's "this wasn't me" link works. */
export const CANCEL_LINK_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Parks the new address on the account and mails:
 * - the new address a single-use confirmation link, or, when the address
 *   already belongs to an account, that account's owner a notice instead
 *   (the caller gets the same answer either way: no enumeration);
 * - the old address (when deliverable) a notice with a "this wasn't me" link.
 * The caller proves it is them first (password, second factor, or a recent
 * sign-in for accounts without a password), as when linking a provider.
 */
@CommandHandler(RequestEmailChangeCommand)
export class RequestEmailChangeHandler implements ICommandHandler<RequestEmailChangeCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reauthentication: Reauthentication,
    private readonly tokens: UserTokens,
    private readonly outbox: MailOutbox,
    private readonly config: AppConfig,
  ) {}

  async execute(command: RequestEmailChangeCommand): Promise<void> {
    const { principal, proof } = command;
    const newEmail = command.newEmail.trim().toLowerCase();
    const refusal = await this.uow.run(async (em, events) => {
      const user = await lockForSecondFactor(em, principal.userId);
      if (user.emailChangeLocked()) {
        return identityProblems.problem(
          'auth.email_change_locked',
          'A change of address was cancelled from the old address; try again later',
          { lockedUntil: user.emailChangeLockedUntil!.toISOString() },
        );
      }
      const problem = await this.reauthentication.refuse(
        em,
        events,
        user,
        proof,
        principal,
        'change_email',
      );
      if (problem) return problem;
      if (newEmail === user.email) {
        return identityProblems.problem(
          'auth.email_unchanged',
          'That is already the address of this account',
        );
      }

      user.requestEmailChange(newEmail);
      const env = this.config.env;
      const confirmToken = await this.tokens.issue(
        em,
        user.id,
        'email_change',
        env.EMAIL_CHANGE_TTL_HOURS * 3_600_000,
      );
      const owner = await em.findOne(User, { email: newEmail });
      if (owner) {
        // The link is never sent: only the owner of the address hears of it.
        this.outbox.queue(em, [owner.email], emailChangeEmails.addressInUse(owner.name), {
          template: 'email-address-in-use',
        });
      } else {
        const link = this.frontendLink('/email-change/confirm', confirmToken);
        this.outbox.queue(
          em,
          [newEmail],
          emailChangeEmails.confirmNewAddress(user.name, link, env.EMAIL_CHANGE_TTL_HOURS),
          { template: 'email-change-confirm', liveLinks: [link] },
        );
      }
      if (isDeliverable(user.email)) {
        const cancelToken = await this.tokens.issue(
          em,
          user.id,
          'email_change_cancel',
          CANCEL_LINK_TTL_MS,
        );
        const link = this.frontendLink('/email-change/cancel', cancelToken);
        this.outbox.queue(
          em,
          [user.email],
          emailChangeEmails.changeRequested(user.name, newEmail, link, env.EMAIL_CHANGE_LOCK_HOURS),
          { template: 'email-change-requested', liveLinks: [link] },
        );
      }
      return undefined;
    });
    // Returned, not thrown: wrong passwords count toward the lock and must commit.
    if (refusal instanceof Problem) throw refusal;
  }

  private frontendLink(path: string, token: string): string {
    const link = new URL(path, this.config.env.FRONTEND_URL);
    link.searchParams.set('token', token);
    return link.toString();
  }
}
