import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminNotificationsController } from './admin-notifications.controller';
import { ArchiveNotificationHandler } from './commands/archive-notification/archive-notification.handler';
import { MarkAllNotificationsReadHandler } from './commands/mark-all-read/mark-all-read.handler';
import { MarkNotificationReadHandler } from './commands/mark-read/mark-read.handler';
import { UnsubscribeHandler } from './commands/unsubscribe/unsubscribe.handler';
import { UpdateNotificationPreferencesHandler } from './commands/update-preferences/update-preferences.handler';
import { EraseNotificationsOfDeletedUserHandler } from './event-handlers/erase-notifications-of-deleted-user.handler';
import { InboxChanges } from './inbox-changes';
import { DeliverNotificationProcessor } from './jobs/deliver-notification.processor';
import { MeNotificationPreferencesController } from './me-notification-preferences.controller';
import { MeNotificationsController } from './me-notifications.controller';
import { SuppressionList } from './deliverability';
import { PUSH_CHANNEL, SUPPRESSION_CHECK } from './notification-channels';
import { PushSender } from './push';
import { NotificationPreferencesReader } from './notification-preferences';
import { NotificationStreams } from './notification-streams';
import { Notifier } from './notifier';
import { GetNotificationPreferencesHandler } from './queries/get-preferences/get-preferences.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { ListEmailTemplatesHandler } from './queries/list-templates/list-templates.handler';
import { PreviewEmailTemplateHandler } from './queries/preview-template/preview-template.handler';
import { UnreadCountHandler } from './queries/unread-count/unread-count.handler';
import { UnsubscribePageHandler } from './queries/unsubscribe-page/unsubscribe-page.handler';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeLinks } from './unsubscribe-links';
import { NotifySecurityAlertsHandler } from './event-handlers/notify-security-alerts.handler';
import './notification-catalogue';
import './security-notification-types';
import { NotificationsUserData } from './notifications-user-data';

/**
 * Notifications: `Notifier.notify()` for every module, the fan-out worker
 * (email, in-app, push), preferences, the in-app inbox and its live stream,
 * email template previews and one-click unsubscribe. Global, so any module
 * can inject `Notifier`.
 * Push goes through the push module's `PushSender`, and every non-critical
 * email first asks the deliverability module's `SuppressionList`.
 */
@Module({})
export class NotificationsModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [CqrsModule],
      controllers: [
        MeNotificationsController,
        MeNotificationPreferencesController,
        AdminNotificationsController,
        UnsubscribeController,
      ],
      providers: [
        NotificationsUserData,
        Notifier,
        NotificationPreferencesReader,
        UnsubscribeLinks,
        InboxChanges,
        NotificationStreams,
        { provide: PUSH_CHANNEL, useExisting: PushSender },
        { provide: SUPPRESSION_CHECK, useExisting: SuppressionList },
        GetNotificationPreferencesHandler,
        UpdateNotificationPreferencesHandler,
        ListNotificationsHandler,
        UnreadCountHandler,
        MarkNotificationReadHandler,
        MarkAllNotificationsReadHandler,
        ArchiveNotificationHandler,
        ListEmailTemplatesHandler,
        PreviewEmailTemplateHandler,
        UnsubscribeHandler,
        UnsubscribePageHandler,
        EraseNotificationsOfDeletedUserHandler,
        NotifySecurityAlertsHandler,
        ...(runsWorker ? [DeliverNotificationProcessor] : []),
      ],
      exports: [Notifier, NotificationPreferencesReader, PUSH_CHANNEL, SUPPRESSION_CHECK],
    };
  }
}
