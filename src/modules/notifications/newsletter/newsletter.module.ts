import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MailProviderModule } from '@lib/providers';
import { ConfirmNewsletterSubscriptionHandler } from './commands/confirm-subscription/confirm-subscription.handler';
import { SubscribeToNewsletterHandler } from './commands/subscribe/subscribe.handler';
import { AdminNewsletterController } from './admin-newsletter.controller';
import { CreateCampaignHandler } from './commands/create-campaign/create-campaign.handler';
import { SendCampaignHandler } from './commands/send-campaign/send-campaign.handler';
import { UnsubscribeNewsletterSubscriberHandler } from './commands/unsubscribe-subscriber/unsubscribe-subscriber.handler';
import { EnqueueCampaignSendHandler } from './event-handlers/enqueue-campaign-send.handler';
import { CampaignSender } from './jobs/campaign-sender';
import {
  RequeueStalledCampaigns,
  RequeueStalledCampaignsProcessor,
  RequeueStalledCampaignsScheduler,
} from './jobs/requeue-stalled-campaigns';
import { SendCampaignProcessor } from './jobs/send-campaign.processor';
import { NewsletterSendPace } from './jobs/send-pace';
import { NewsletterController } from './newsletter.controller';
import { NewsletterUnsubscribeLinks } from './newsletter-unsubscribe-links';
import { GetCampaignHandler } from './queries/get-campaign/get-campaign.handler';
import { ListCampaignsHandler } from './queries/list-campaigns/list-campaigns.handler';
import { NewsletterUserData } from './newsletter-user-data';

/**
 * Newsletter: topics, double opt-in subscriptions for visitors, campaign drafts,
 * previews and sending (batches through the mail port, per-recipient state).
 */
@Module({})
export class NewsletterModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: NewsletterModule,
      imports: [CqrsModule, MailProviderModule],
      controllers: [NewsletterController, AdminNewsletterController],
      providers: [
        NewsletterUserData,
        NewsletterUnsubscribeLinks,
        SubscribeToNewsletterHandler,
        ConfirmNewsletterSubscriptionHandler,
        UnsubscribeNewsletterSubscriberHandler,
        CreateCampaignHandler,
        SendCampaignHandler,
        GetCampaignHandler,
        ListCampaignsHandler,
        EnqueueCampaignSendHandler,
        RequeueStalledCampaigns,
        ...(runsWorker
          ? [
              NewsletterSendPace,
              CampaignSender,
              SendCampaignProcessor,
              RequeueStalledCampaignsScheduler,
              RequeueStalledCampaignsProcessor,
            ]
          : []),
      ],
    };
  }
}
