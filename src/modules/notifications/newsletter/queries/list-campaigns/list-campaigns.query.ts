import { Query } from '@nestjs/cqrs';
import type { CampaignPageDto } from '../../dto/campaign.dto';

/** Campaigns, newest first. */
export class ListCampaignsQuery extends Query<CampaignPageDto> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
