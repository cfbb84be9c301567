import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { HandlesEvent, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { MailOutbox } from '../../mail';
import { identityEmails } from '../emails/identity-emails';
import { User } from '../entities/user.entity';
import { NewDeviceLogin } from '../events/session.events';

/**
 * Emails the owner about a sign-in from a new device. The email's id is the
 * event's id, so a redelivered event queues nothing new.
 */
@Injectable()
@HandlesEvent(NewDeviceLogin)
export class NotifyNewDeviceHandler implements DomainEventHandler<NewDeviceLogin> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
    private readonly config: AppConfig,
  ) {}

  async handle(event: NewDeviceLogin): Promise<void> {
    const user = await this.em.fork().findOne(User, event.payload.userId);
    if (!user || event.metadata?.erased) return;
    const email = identityEmails.newDeviceLogin(
      user.name,
      {
        ip: event.metadata?.ip,
        userAgent: event.metadata?.userAgent,
        at: event.occurredAt ?? new Date(),
      },
      new URL('/settings/sessions', this.config.env.FRONTEND_URL).toString(),
    );
    await this.uow.run((em) =>
      this.outbox.queueOnce(em, [user.email], email, {
        template: 'new-device-login',
        id: event.eventId,
      }),
    );
  }
}
