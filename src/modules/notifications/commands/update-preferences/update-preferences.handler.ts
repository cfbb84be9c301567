import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { NotificationPreferencesDto } from '../../dto/notification-preferences.dto';
import { NotificationPreferences } from '../../entities/notification-preferences.entity';
import { channelOverrides, resolvePreferences } from '../../notification-preferences';
import { CATEGORIES, CHANNELS } from '../../notification-types';
import { followNewsletterPreference } from '../../newsletter/user-newsletter-subscription';
import { UpdateNotificationPreferencesCommand } from './update-preferences.command';

@CommandHandler(UpdateNotificationPreferencesCommand)
export class UpdateNotificationPreferencesHandler implements ICommandHandler<
  UpdateNotificationPreferencesCommand,
  NotificationPreferencesDto
> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({
    userId,
    changes,
  }: UpdateNotificationPreferencesCommand): Promise<NotificationPreferencesDto> {
    return this.uow.run(async (em, events) => {
      let stored = await em.findOne(NotificationPreferences, { userId });
      if (!stored) {
        stored = new NotificationPreferences();
        stored.userId = userId;
        em.persist(stored);
      }
      const current = resolvePreferences(stored);
      if (changes.channels) {
        const wantsNewsletter = changes.channels.newsletter?.email;
        if (wantsNewsletter !== undefined && wantsNewsletter !== current.channels.newsletter.email)
          await followNewsletterPreference(em, events, userId, wantsNewsletter);
        const next = current.channels;
        for (const category of CATEGORIES) {
          for (const channel of CHANNELS) {
            const value = changes.channels[category]?.[channel];
            if (value !== undefined) next[category][channel] = value;
          }
        }
        stored.channels = channelOverrides(next);
      }
      if (changes.quietHours !== undefined) {
        stored.quietHours = changes.quietHours
          ? { start: changes.quietHours.start, end: changes.quietHours.end }
          : null;
      }
      if (changes.timezone !== undefined) stored.timezone = changes.timezone;
      if (changes.jobAlertDigest !== undefined) stored.jobAlertDigest = changes.jobAlertDigest;
      stored.updatedAt = new Date();
      return NotificationPreferencesDto.from(resolvePreferences(stored));
    });
  }
}
