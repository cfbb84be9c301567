import { Command } from '@nestjs/cqrs';
import type { CampaignDto } from '../../dto/campaign.dto';

/** An admin sends a draft now, or at `sendAt`. */
export class SendCampaignCommand extends Command<CampaignDto> {
  constructor(
    readonly campaignId: string,
    readonly sendAt?: Date,
  ) {
    super();
  }
}
