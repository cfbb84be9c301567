import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { MailOutbox } from '../../mail';
import { User } from '../entities/user.entity';
import { TwoFactorDisabled, TwoFactorEnabled } from '../events/two-factor.events';

const NOTICES = {
  'identity.two_factor_enabled': {
    subject: '2FA turned on',
    line: 'Two-factor authentication is now on for your Career Tools account.',
  },
  'identity.two_factor_disabled': {
    subject: '2FA turned off',
    line: 'Two-factor authentication was turned off for your Career Tools account.',
  },
} as const;

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
  ) {}

  async handle(event: TwoFactorEnabled | TwoFactorDisabled): Promise<void> {
    const user = await this.em.fork().findOne(User, event.streamId);
    if (!user) return;
    const notice = NOTICES[event.type as keyof typeof NOTICES];
    const warning = 'If this was not you, reset your password and contact support.';
    const email = {
      subject: notice.subject,
      html: `<p>${notice.line}</p><p>${warning}</p>`,
      text: `${notice.line}\n\n${warning}`,
    };
    await this.uow.run((em) =>
      this.outbox.queueOnce(em, [user.email], email, { template: event.type, id: event.eventId }),
    );
  }
}
