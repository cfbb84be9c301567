import { DomainEvent, DomainEventType } from '@lib/event-store';

/** Newsletter events name the subscriber id, never the address. */
export const NEWSLETTER_SUBSCRIBER_STREAM = 'newsletter_subscriber';

@DomainEventType('newsletter.confirmation_requested')
export class NewsletterConfirmationRequested extends DomainEvent<{ topics: string[] }> {
  constructor(id: string, payload: NewsletterConfirmationRequested['payload']) {
    super(NEWSLETTER_SUBSCRIBER_STREAM, id, payload);
  }
}

@DomainEventType('newsletter.subscription_confirmed')
export class NewsletterSubscriptionConfirmed extends DomainEvent<{ topics: string[] }> {
  constructor(id: string, payload: NewsletterSubscriptionConfirmed['payload']) {
    super(NEWSLETTER_SUBSCRIBER_STREAM, id, payload);
  }
}

export const NEWSLETTER_CAMPAIGN_STREAM = 'newsletter_campaign';

@DomainEventType('newsletter.campaign_drafted')
export class NewsletterCampaignDrafted extends DomainEvent<{ topic: string }> {
  constructor(id: string, payload: NewsletterCampaignDrafted['payload']) {
    super(NEWSLETTER_CAMPAIGN_STREAM, id, payload);
  }
}

@DomainEventType('newsletter.unsubscribed')
export class NewsletterUnsubscribed extends DomainEvent<Record<string, never>> {
  constructor(id: string) {
    super(NEWSLETTER_SUBSCRIBER_STREAM, id, {});
  }
}

/** An admin asked to send a campaign, now or at `scheduledAt`. */
@DomainEventType('newsletter.campaign_send_requested')
export class NewsletterCampaignSendRequested extends DomainEvent<{ scheduledAt: string | null }> {
  constructor(id: string, payload: NewsletterCampaignSendRequested['payload']) {
    super(NEWSLETTER_CAMPAIGN_STREAM, id, payload);
  }
}

/** The last batch went out (`status` sent), or not one email could be sent (`failed`). */
@DomainEventType('newsletter.campaign_finished')
export class NewsletterCampaignFinished extends DomainEvent<{
  status: 'sent' | 'failed';
  sent: number;
  failed: number;
  suppressed: number;
}> {
  constructor(id: string, payload: NewsletterCampaignFinished['payload']) {
    super(NEWSLETTER_CAMPAIGN_STREAM, id, payload);
  }
}
