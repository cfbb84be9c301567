/** Redis pub/sub channel on which replicas announce inbox changes. */
export const NOTIFICATIONS_CHANNEL = 'notifications';

/**
 * What goes over NOTIFICATIONS_CHANNEL: a new inbox entry, or a change of the
 * unread count (read, read-all, archive). Streams of that user load the rest.
 */
export type NotificationStreamMessage =
  { kind: 'created'; userId: string; id: string } | { kind: 'count'; userId: string };
