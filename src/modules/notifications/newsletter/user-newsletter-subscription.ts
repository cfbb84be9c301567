import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRecorder } from '@lib/event-store';
import { User } from '../../identity';
import { NotificationPreferences } from '../entities/notification-preferences.entity';
import { channelOverrides, resolvePreferences } from '../notification-preferences';
import { notificationProblems } from '../notifications.problems';
import { NewsletterSubscriber } from './entities/newsletter-subscriber.entity';
import {
  NewsletterSubscriptionConfirmed,
  NewsletterUnsubscribed,
} from './events/newsletter.events';
import { NEWSLETTER_TOPIC_IDS } from './newsletter-topics';

/**
 * A signed-in user's `newsletter` email preference and the newsletter
 * subscription of their address are one choice seen from two places: turning
 * the preference on subscribes the (verified) address to every topic without a
 * second opt-in, turning it off unsubscribes it, and an unsubscribe link or a
 * confirmed subscription moves the preference along. Campaigns read only the
 * subscriptions, so both ways in reach the same audience.
 */
export async function followNewsletterPreference(
  em: EntityManager,
  events: EventRecorder,
  userId: string,
  wanted: boolean,
): Promise<void> {
  const user = await em.findOneOrFail(User, userId, { fields: ['email', 'emailVerifiedAt'] });
  const email = user.email.trim().toLowerCase();
  const subscriber = await em.findOne(NewsletterSubscriber, { email });
  if (!wanted) {
    if (subscriber && subscriber.status !== 'unsubscribed') unsubscribe(subscriber, events);
    return;
  }
  if (!user.emailVerifiedAt) {
    throw notificationProblems.problem(
      'notification.newsletter_needs_verified_email',
      'Confirm your email address before subscribing to the newsletter.',
    );
  }
  const target = subscriber ?? Object.assign(new NewsletterSubscriber(), { email });
  target.status = 'confirmed';
  target.topics = [...NEWSLETTER_TOPIC_IDS];
  target.requestedTopics = [];
  target.confirmationTokenHash = null;
  target.confirmedAt = new Date();
  em.persist(target);
  events.record(new NewsletterSubscriptionConfirmed(target.id, { topics: target.topics }));
}

/** Ends a subscription (every topic); the caller checked it was not already ended. */
export function unsubscribe(subscriber: NewsletterSubscriber, events: EventRecorder): void {
  subscriber.status = 'unsubscribed';
  subscriber.topics = [];
  subscriber.requestedTopics = [];
  subscriber.confirmationTokenHash = null;
  events.record(new NewsletterUnsubscribed(subscriber.id));
}

/** The preference of the account with this address (if any) follows its subscription. */
export async function followNewsletterSubscription(
  em: EntityManager,
  email: string,
  subscribed: boolean,
): Promise<void> {
  const user = await em.findOne(User, { email: email.trim().toLowerCase() }, { fields: ['id'] });
  if (!user) return;
  let stored = await em.findOne(NotificationPreferences, { userId: user.id });
  if (!stored) {
    stored = new NotificationPreferences();
    stored.userId = user.id;
    em.persist(stored);
  }
  const channels = resolvePreferences(stored).channels;
  if (channels.newsletter.email === subscribed) return;
  channels.newsletter.email = subscribed;
  stored.channels = channelOverrides(channels);
  stored.updatedAt = new Date();
}
