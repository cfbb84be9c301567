import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { MailOutbox } from '../../mail';
import { IdentityMail } from '../emails/identity-mail';
import { identityEmails } from '../emails/identity-emails';
import { User } from '../entities/user.entity';
import { TwoFactorDisabled, TwoFactorEnabled } from '../events/two-factor.events';

/**
 * Tells the user whenever 2FA is switched on or off, so a change they did not
 * make does not go unnoticed. The email's id is the event's id, so a
 * redelivered event queues nothing new.
 */
@Injectable()
@HandlesEvent(TwoFactorEnabled, TwoFactorDisabled)
export class EmailTwoFactorChangeHandler implements DomainEventHandler<
  TwoFactorEnabled | TwoFactorDisabled
> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
    private readonly mail: IdentityMail,
  ) {}

  async handle(event: TwoFactorEnabled | TwoFactorDisabled): Promise<void> {
    const user = await this.em.fork().findOne(User, event.streamId);
    if (!user) return;
    const email = await this.mail.render(user, identityEmails['two-factor-changed'], {
      name: user.name,
      enabled: event.type === 'identity.two_factor_enabled',
    });
    await this.uow.run((em) =>
      this.outbox.queueOnce(em, [user.email], email, {
        template: email.template,
        id: event.eventId,
      }),
    );
  }
}
