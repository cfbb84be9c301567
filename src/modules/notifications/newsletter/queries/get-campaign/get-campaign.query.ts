import { Query } from '@nestjs/cqrs';
import type { CampaignDto, CampaignPreviewDto } from '../../dto/campaign.dto';

/** One campaign, or its rendered preview. */
export class GetCampaignQuery extends Query<CampaignDto | CampaignPreviewDto> {
  constructor(
    readonly id: string,
    readonly preview = false,
  ) {
    super();
  }
}
