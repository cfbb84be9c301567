export { NotificationsModule } from './notifications.module';
export { Notifier, type NotifyOptions } from './notifier';
export {
  CATEGORIES,
  CHANNELS,
  defineNotificationTypes,
  notificationType,
  notificationTypes,
  type Channel,
  type NotificationCategory,
  type NotificationMessage,
  type NotificationTypeDefinition,
} from './notification-types';
export {
  PUSH_CHANNEL,
  SUPPRESSION_CHECK,
  type PushChannel,
  type PushMessage,
  type SuppressionCheck,
} from './notification-channels';
export {
  NotificationPreferencesReader,
  type ResolvedPreferences,
} from './notification-preferences';
export { NOTIFICATION_TYPES } from './notification-catalogue';
export { Notification } from './entities/notification.entity';
export { NotificationDelivery } from './entities/notification-delivery.entity';
export { NotificationPreferences } from './entities/notification-preferences.entity';
export { notificationProblems } from './notifications.problems';
export { UnsubscribeLinks } from './unsubscribe-links';
export { teamEmails } from './templates/team.templates';
