import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { HandlesEvent, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { MailOutbox } from '../../mail';
import { IdentityMail } from '../emails/identity-mail';
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
    private readonly mail: IdentityMail,
  ) {}

  async handle(event: NewDeviceLogin): Promise<void> {
    const user = await this.em.fork().findOne(User, event.payload.userId);
    if (!user || event.metadata?.erased) return;
    const email = await this.mail.render(user, identityEmails['new-device-login'], {
      name: user.name,
      device: event.metadata?.userAgent ?? 'an unknown browser or app',
      ip: event.metadata?.ip ?? 'an unknown address',
      at: (event.occurredAt ?? new Date()).toUTCString(),
      link: new URL('/settings/sessions', this.config.env.FRONTEND_URL).toString(),
    });
    await this.uow.run((em) =>
      this.outbox.queueOnce(em, [user.email], email, {
        template: 'new-device-login',
        id: event.eventId,
      }),
    );
  }
}
