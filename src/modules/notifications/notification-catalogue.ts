import { defineNotificationTypes } from './notification-types';
import { billingEmails } from './templates/billing.templates';
import { jobAlertEmails } from './templates/job-alert.templates';
import { newsletterEmails } from './templates/newsletter.templates';
import { teamEmails } from './templates/team.templates';

/**
 * Types of the modules that do not exist yet (billing, jobs, newsletter,
 * teams). Each moves into its module's own `defineNotificationTypes` call when
 * that module lands; the names stay.
 */
export const NOTIFICATION_TYPES = defineNotificationTypes({
  'billing.subscription_confirmed': {
    category: 'billing',
    channels: ['email', 'inApp'],
    email: billingEmails['subscription-confirmed'],
  },
  'billing.subscription_cancelled': {
    category: 'billing',
    channels: ['email', 'inApp'],
    email: billingEmails['subscription-cancelled'],
  },
  'billing.payment_failed': {
    category: 'billing',
    channels: ['email', 'inApp', 'push'],
    critical: true,
    email: billingEmails['payment-failed'],
  },
  'billing.receipt': {
    category: 'billing',
    channels: ['email'],
    email: billingEmails.receipt,
  },
  'jobs.alert_daily': {
    category: 'jobAlerts',
    channels: ['email'],
    digest: 'daily',
    email: jobAlertEmails['job-alert-daily'],
  },
  'jobs.alert_weekly': {
    category: 'jobAlerts',
    channels: ['email'],
    digest: 'weekly',
    email: jobAlertEmails['job-alert-weekly'],
  },
  /** One new match, live; a burst collapses into "5 new jobs match". */
  'jobs.new_match': {
    category: 'jobAlerts',
    channels: ['inApp', 'push'],
    collapse: {},
    message: (payload: { title?: string; url?: string; count?: number }) =>
      (payload.count ?? 1) > 1
        ? {
            title: `${payload.count} new jobs match your alerts`,
            body: 'See the new matches.',
            url: payload.url,
          }
        : { title: 'A new job matches your alert', body: payload.title ?? '', url: payload.url },
  },
  'newsletter.issue': {
    category: 'newsletter',
    channels: ['email'],
    email: newsletterEmails.newsletter,
  },
  /** A social account's token was refused or lapsed: scheduled posts to it wait for a reconnect. */
  'social.reconnect_required': {
    category: 'social',
    channels: ['inApp', 'push'],
    message: (payload: { network?: string; name?: string }) => ({
      title: `Reconnect your ${payload.network ?? 'social'} account`,
      body: `${payload.name ?? 'An account'} was disconnected; posts to it wait until you reconnect.`,
      url: '/social/accounts',
    }),
  },
  /** A token that cannot be refreshed (LinkedIn) lapses within a week. */
  'social.token_expiring': {
    category: 'social',
    channels: ['inApp'],
    message: (payload: { network?: string; name?: string; expiresAt?: string }) => ({
      title: `Your ${payload.network ?? 'social'} connection expires soon`,
      body: `Reconnect ${payload.name ?? 'the account'} before ${payload.expiresAt?.slice(0, 10) ?? 'it expires'} to keep publishing.`,
      url: '/social/accounts',
    }),
  },
  'teams.invitation': {
    category: 'teams',
    channels: ['email', 'inApp'],
    email: teamEmails['team-invitation'],
  },
});
