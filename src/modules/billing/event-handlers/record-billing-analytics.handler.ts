import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AnalyticsRecorder } from '../../analytics';
import {
  CheckoutStarted,
  SubscriptionActivated,
  SubscriptionCancelled,
} from '../events/billing.events';

type Recorded = CheckoutStarted | SubscriptionActivated | SubscriptionCancelled;

/** `plan_upgrade_started`, `plan_upgrade_completed`, `subscription_cancelled`: one row per domain event. */
@Injectable()
@HandlesEvent(CheckoutStarted, SubscriptionActivated, SubscriptionCancelled)
export class RecordBillingAnalyticsHandler implements DomainEventHandler<Recorded> {
  constructor(private readonly analytics: AnalyticsRecorder) {}

  async handle(event: Recorded): Promise<void> {
    const { userId, ...properties } = event.payload;
    const name =
      event instanceof CheckoutStarted
        ? 'plan_upgrade_started'
        : event instanceof SubscriptionActivated
          ? 'plan_upgrade_completed'
          : 'subscription_cancelled';
    await this.analytics.record({
      name,
      userId,
      properties,
      occurredAt: event.occurredAt,
      sourceEventId: event.eventId,
    });
  }
}
