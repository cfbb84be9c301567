import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QueueEmailCommand } from '../../mail';
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
 * make does not go unnoticed. A redelivered event (at least once) may send the
 * notice twice; that is preferred to never sending it.
 */
@Injectable()
@HandlesEvent(TwoFactorEnabled, TwoFactorDisabled)
export class EmailTwoFactorChangeHandler implements DomainEventHandler<
  TwoFactorEnabled | TwoFactorDisabled
> {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CommandBus,
  ) {}

  async handle(event: TwoFactorEnabled | TwoFactorDisabled): Promise<void> {
    const user = await this.em.fork().findOne(User, event.streamId);
    if (!user) return;
    const notice = NOTICES[event.type as keyof typeof NOTICES];
    const warning = 'If this was not you, reset your password and contact support.';
    await this.commands.execute(
      new QueueEmailCommand(
        [user.email],
        notice.subject,
        `<p>${notice.line}</p><p>${warning}</p>`,
        `${notice.line}\n\n${warning}`,
        event.type,
      ),
    );
  }
}
