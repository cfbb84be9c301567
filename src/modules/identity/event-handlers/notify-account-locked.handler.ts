import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QueueEmailCommand } from '../../mail';
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
    private readonly commands: CommandBus,
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
    await this.commands.execute(
      new QueueEmailCommand(
        [user.email],
        'Sign-in to your Career Tools account was locked',
        lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
        lines.join('\n\n'),
        'account-locked',
        event.eventId,
      ),
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
