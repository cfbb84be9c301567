import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { MailOutbox } from '../../mail';
import { IdentityMail } from '../emails/identity-mail';
import { identityEmails } from '../emails/identity-emails';
import { User } from '../entities/user.entity';
import { AccountLocked } from '../events/account.events';

/**
 * Tells the owner that sign-in to their account was locked after failed
 * attempts. The email's id is the event's id, so a redelivered event queues nothing new.
 */
@Injectable()
@HandlesEvent(AccountLocked)
export class NotifyAccountLockedHandler implements DomainEventHandler<AccountLocked> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
    private readonly mail: IdentityMail,
  ) {}

  async handle(event: AccountLocked): Promise<void> {
    const user = await this.em.fork().findOne(User, event.streamId);
    if (!user) return;
    const email = await this.mail.render(user, identityEmails['account-locked'], {
      name: user.name,
      failures: event.payload.failures,
      ip: event.metadata?.ip,
      until: new Date(event.payload.lockedUntil).toUTCString(),
    });
    await this.uow.run((em) =>
      this.outbox.queueOnce(em, [user.email], email, {
        template: 'account-locked',
        id: event.eventId,
      }),
    );
  }
}
