import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { UserRegistered } from '../../identity';
import { AnalyticsRecorder } from '../analytics-recorder';

/** `user_registered`, one row per domain event (its id makes it idempotent). */
@Injectable()
@HandlesEvent(UserRegistered)
export class RecordUserRegisteredHandler implements DomainEventHandler<UserRegistered> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: UserRegistered): Promise<void> {
    await this.analytics.record({
      name: 'user_registered',
      userId: event.streamId,
      properties: { role: event.payload.role },
      occurredAt: event.occurredAt,
      sourceEventId: event.eventId,
    });
  }
}
