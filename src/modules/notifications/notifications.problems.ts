import { defineProblems } from '@lib/problems';

/** Notifications: inbox, preferences, live stream, unsubscribe. */
export const notificationProblems = defineProblems({
  'notification.not_found': { status: 404, description: 'No such notification, or not yours.' },
  'notification.template_not_found': { status: 404, description: 'No email template has that id.' },
  'notification.invalid_unsubscribe_link': {
    status: 400,
    description: 'The unsubscribe link is malformed or was altered.',
  },
  'notification.newsletter_needs_verified_email': {
    status: 409,
    description: 'The newsletter is only sent to a confirmed address: verify the email first.',
  },
  'notification.invalid_stream_ticket': {
    status: 401,
    description: 'The stream ticket is unknown, used or expired; ask for a new one.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    notifications: typeof notificationProblems;
  }
}
