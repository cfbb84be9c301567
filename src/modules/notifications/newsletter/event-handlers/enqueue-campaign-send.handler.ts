import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES, type SendCampaignJob } from '@lib/queue';
import { NewsletterCampaignSendRequested } from '../events/newsletter.events';
import { SEND_CAMPAIGN_JOB, sendCampaignJobOptions } from '../jobs/send-campaign-job';

/** Queues the campaign's send job (delayed until a scheduled time); a redelivery adds nothing. */
@Injectable()
@HandlesEvent(NewsletterCampaignSendRequested)
export class EnqueueCampaignSendHandler implements DomainEventHandler<NewsletterCampaignSendRequested> {
  constructor(
    @InjectQueue(QUEUES.newsletter) private readonly queue: Queue<SendCampaignJob>,
    private readonly config: AppConfig,
  ) {}

  async handle(event: NewsletterCampaignSendRequested): Promise<void> {
    const { scheduledAt } = event.payload;
    const delay = scheduledAt ? new Date(scheduledAt).getTime() - Date.now() : 0;
    await this.queue.add(
      SEND_CAMPAIGN_JOB,
      { campaignId: event.streamId },
      sendCampaignJobOptions(this.config, event.streamId, delay),
    );
  }
}
