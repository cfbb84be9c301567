import { defineNotificationTypes } from '../notifications';

/** What the blog tells its authors: comments waiting for them (a burst collapses into one). */
export const BLOG_NOTIFICATION_TYPES = defineNotificationTypes({
  'blog.comment_pending': {
    category: 'social',
    channels: ['inApp', 'push'],
    collapse: {},
    message: (payload: { postTitle?: string; url?: string; count?: number }) =>
      (payload.count ?? 1) > 1
        ? {
            title: `${payload.count} comments wait for moderation`,
            body: 'Approve, reject or mark them as spam.',
            url: payload.url,
          }
        : {
            title: 'A comment waits for moderation',
            body: payload.postTitle ?? '',
            url: payload.url,
          },
  },
});
