import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { NotificationPreferences } from '../../entities/notification-preferences.entity';
import { channelOverrides, resolvePreferences } from '../../notification-preferences';
import type { NotificationCategory } from '../../notification-types';
import { UnsubscribeLinks } from '../../unsubscribe-links';
import { UnsubscribeCommand } from './unsubscribe.command';

/**
 * Turns email of one category off for the signed link's user, without login.
 * Idempotent; a user who no longer exists is answered the same way.
 */
@CommandHandler(UnsubscribeCommand)
export class UnsubscribeHandler implements ICommandHandler<
  UnsubscribeCommand,
  { category: NotificationCategory }
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: UnsubscribeLinks,
  ) {}

  async execute({ token }: UnsubscribeCommand): Promise<{ category: NotificationCategory }> {
    const grant = this.links.verify(token);
    if (!grant) {
      throw Problem.badRequest(
        'notification.invalid_unsubscribe_link',
        'The unsubscribe link is not valid',
      );
    }
    await this.uow.run(async (em) => {
      const [exists] = await em.execute<{ n: number }[]>('select 1 as n from users where id = ?', [
        grant.userId,
      ]);
      if (!exists) return;
      let stored = await em.findOne(NotificationPreferences, { userId: grant.userId });
      if (!stored) {
        stored = new NotificationPreferences();
        stored.userId = grant.userId;
        em.persist(stored);
      }
      const channels = resolvePreferences(stored).channels;
      channels[grant.category].email = false;
      stored.channels = channelOverrides(channels);
      if (grant.category === 'jobAlerts') stored.jobAlertDigest = 'off';
      stored.updatedAt = new Date();
    });
    return { category: grant.category };
  }
}
