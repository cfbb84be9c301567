import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { NOTIFICATION_TYPES, Notifier } from '../../notifications';
import { SocialAccountReconnectRequired } from '../events/social.events';

/** Tells the user to reconnect; the event id is the subject, so a redelivery notifies once. */
@Injectable()
@HandlesEvent(SocialAccountReconnectRequired)
export class NotifyReconnectRequiredHandler implements DomainEventHandler<SocialAccountReconnectRequired> {
  constructor(private readonly notifier: Notifier) {}

  async handle(event: SocialAccountReconnectRequired): Promise<void> {
    await this.notifier.notify(
      event.payload.userId,
      NOTIFICATION_TYPES['social.reconnect_required'],
      { accountId: event.streamId, network: event.payload.network, name: event.payload.name },
      { subjectId: event.eventId },
    );
  }
}
