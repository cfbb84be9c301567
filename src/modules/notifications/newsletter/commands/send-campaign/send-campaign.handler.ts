import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { audienceSize } from '../../campaign-audience';
import { materializeRecipients, noRecipients, recipientCounts } from '../../campaign-recipients';
import { CampaignDto } from '../../dto/campaign.dto';
import { NewsletterCampaign } from '../../entities/newsletter-campaign.entity';
import { NewsletterCampaignSendRequested } from '../../events/newsletter.events';
import { newsletterProblems } from '../../newsletter.problems';
import { SendCampaignCommand } from './send-campaign.command';

/**
 * Moves a draft to `sending` with its recipients fixed in the same transaction
 * (or to `scheduled`; the job fixes them when the time comes). The event's
 * handler enqueues the job that sends the batches.
 */
@CommandHandler(SendCampaignCommand)
export class SendCampaignHandler implements ICommandHandler<SendCampaignCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ campaignId, sendAt }: SendCampaignCommand): Promise<CampaignDto> {
    return this.uow.run(async (em, events) => {
      // Locked: two clicks on "send" start one send.
      const campaign = await em.findOne(NewsletterCampaign, campaignId, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!campaign) {
        throw newsletterProblems.problem('newsletter.campaign_not_found', 'No such campaign.');
      }
      if (campaign.status !== 'draft') {
        throw newsletterProblems.problem(
          'newsletter.campaign_not_draft',
          `The campaign is already ${campaign.status}.`,
        );
      }
      const now = new Date();
      if (sendAt && sendAt > now) {
        campaign.status = 'scheduled';
        campaign.scheduledAt = sendAt;
      } else {
        campaign.status = 'sending';
        campaign.startedAt = now;
        await materializeRecipients(em, campaign);
      }
      await em.flush();
      events.record(
        new NewsletterCampaignSendRequested(campaign.id, {
          scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
        }),
      );
      const counts =
        campaign.status === 'sending' ? await recipientCounts(em, campaign.id) : noRecipients();
      return CampaignDto.from(campaign, await audienceSize(em, campaign.topic), counts);
    });
  }
}
