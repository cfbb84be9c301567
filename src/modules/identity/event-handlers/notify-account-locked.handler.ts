import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { MailOutbox } from '../../mail';
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
  ) {}

  async handle(event: AccountLocked): Promise<void> {
    const user = await this.em.fork().findOne(User, event.streamId);
    if (!user) return;
    const until = new Date(event.payload.lockedUntil).toUTCString();
    const ip = event.metadata?.ip;
    const lines = [
      `Hello ${user.name},`,
      `We locked sign-in to your Career Tools account after ${event.payload.failures} failed ` +
        `sign-in attempts in a row${ip ? ` (the last from ${ip})` : ''}.`,
      `It unlocks by itself at ${until}; until then even the right password is refused.`,
      'If these attempts were not yours, someone may be guessing your password: choose a ' +
        'new, unique one once you are back in.',
    ];
    const email = {
      subject: 'Sign-in to your Career Tools account was locked',
      html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
      text: lines.join('\n\n'),
    };
    await this.uow.run((em) =>
      this.outbox.queueOnce(em, [user.email], email, {
        template: 'account-locked',
        id: event.eventId,
      }),
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
