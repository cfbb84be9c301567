import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AddToQueueHandler } from './commands/add-to-queue/add-to-queue.handler';
import { CollectMetricsHandler } from './commands/collect-metrics/collect-metrics.handler';
import { CompleteConnectHandler } from './commands/complete-connect/complete-connect.handler';
import { ConfirmTargetHandler } from './commands/confirm-target/confirm-target.handler';
import { CreatePostHandler } from './commands/create-post/create-post.handler';
import { DeletePostHandler } from './commands/delete-post/delete-post.handler';
import { DisconnectAccountHandler } from './commands/disconnect-account/disconnect-account.handler';
import { PublishNowHandler } from './commands/publish-now/publish-now.handler';
import { PublishTargetHandler } from './commands/publish-target/publish-target.handler';
import { RefreshTokensHandler } from './commands/refresh-tokens/refresh-tokens.handler';
import { SetQueueSlotsHandler } from './commands/set-queue-slots/set-queue-slots.handler';
import { StartConnectHandler } from './commands/start-connect/start-connect.handler';
import { UpdatePostHandler } from './commands/update-post/update-post.handler';
import { EnqueuePublishHandler } from './event-handlers/enqueue-publish.handler';
import { EraseSocialDataOfDeletedUserHandler } from './event-handlers/erase-social-data-of-deleted-user.handler';
import { NotifyReconnectRequiredHandler } from './event-handlers/notify-reconnect-required.handler';
import { RecordSocialAnalyticsHandler } from './event-handlers/record-social-analytics.handler';
import { SocialProcessor } from './jobs/social.processor';
import { SocialScheduler } from './jobs/social.scheduler';
import { SocialAnalyticsHandler } from './queries/analytics/analytics.handler';
import { CalendarHandler } from './queries/calendar/calendar.handler';
import { GetPostHandler } from './queries/get-post/get-post.handler';
import { ListAccountsHandler } from './queries/list-accounts/list-accounts.handler';
import { ListNetworksHandler } from './queries/list-networks/list-networks.handler';
import { ListPostsHandler } from './queries/list-posts/list-posts.handler';
import { PostMetricsHandler } from './queries/post-metrics/post-metrics.handler';
import { AccountRevoker } from './services/account-revoker';
import { ConnectFlowStore } from './services/connect-flow-store';
import { PublishContext } from './services/publish-context';
import { SocialNetworks } from './services/social-networks.provider';
import { SocialTokenVault } from './services/token-vault';
import { SocialAccountsController } from './social-accounts.controller';
import { SocialAnalyticsController } from './social-analytics.controller';
import { SocialCalendarController } from './social-calendar.controller';
import { SocialConnectController } from './social-connect.controller';
import { SocialNetworksController } from './social-networks.controller';
import { SocialPostsController } from './social-posts.controller';
import { SocialUserData } from './social-user-data';

/** Social publisher: connected accounts, posts with per-network variants, publishing, metrics. */
@Module({})
export class SocialModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: SocialModule,
      imports: [CqrsModule],
      controllers: [
        SocialNetworksController,
        SocialConnectController,
        SocialAccountsController,
        SocialPostsController,
        SocialCalendarController,
        SocialAnalyticsController,
      ],
      providers: [
        SocialUserData,
        SocialNetworks,
        SocialTokenVault,
        ConnectFlowStore,
        AccountRevoker,
        PublishContext,
        ListNetworksHandler,
        StartConnectHandler,
        CompleteConnectHandler,
        ListAccountsHandler,
        DisconnectAccountHandler,
        SetQueueSlotsHandler,
        CreatePostHandler,
        UpdatePostHandler,
        DeletePostHandler,
        PublishNowHandler,
        AddToQueueHandler,
        ListPostsHandler,
        GetPostHandler,
        CalendarHandler,
        PostMetricsHandler,
        SocialAnalyticsHandler,
        PublishTargetHandler,
        ConfirmTargetHandler,
        RefreshTokensHandler,
        CollectMetricsHandler,
        EnqueuePublishHandler,
        RecordSocialAnalyticsHandler,
        NotifyReconnectRequiredHandler,
        EraseSocialDataOfDeletedUserHandler,
        ...(runsWorker ? [SocialProcessor, SocialScheduler] : []),
      ],
    };
  }
}
