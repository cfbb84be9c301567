import { defineNotificationTypes } from '../notifications';

/** What hooks tell their owner: a target answered 410 Gone, so its subscription stopped. */
export const HOOK_NOTIFICATION_TYPES = defineNotificationTypes({
  'hooks.deactivated': {
    category: 'account',
    channels: ['inApp'],
    message: (payload: { event?: string; targetUrl?: string }) => ({
      title: 'A webhook was turned off',
      body:
        `${payload.targetUrl ?? 'A target'} answered 410 Gone, so ${payload.event ?? 'its'} ` +
        'events are no longer sent there. Subscribe again to resume.',
    }),
  },
});
