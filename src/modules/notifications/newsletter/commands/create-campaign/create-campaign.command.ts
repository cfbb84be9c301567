import { Command } from '@nestjs/cqrs';
import type { CampaignDto } from '../../dto/campaign.dto';
import type { NewsletterTopic } from '../../newsletter-topics';

/** An admin drafts a campaign. */
export class CreateCampaignCommand extends Command<CampaignDto> {
  constructor(
    readonly adminId: string,
    readonly subject: string,
    readonly markdown: string,
    readonly topic: NewsletterTopic,
  ) {
    super();
  }
}
