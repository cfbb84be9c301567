import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EmailRenderer } from '../../../../mail';
import { audienceSize } from '../../campaign-audience';
import { recipientCounts } from '../../campaign-recipients';
import { CampaignDto, type CampaignPreviewDto } from '../../dto/campaign.dto';
import { NewsletterCampaign } from '../../entities/newsletter-campaign.entity';
import { newsletterProblems } from '../../newsletter.problems';
import { renderCampaign } from '../../render-campaign';
import { GetCampaignQuery } from './get-campaign.query';

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly renderer: EmailRenderer,
  ) {}

  async execute({ id, preview }: GetCampaignQuery): Promise<CampaignDto | CampaignPreviewDto> {
    const em = this.em.fork();
    const campaign = await em.findOne(NewsletterCampaign, id);
    if (!campaign) {
      throw newsletterProblems.problem('newsletter.campaign_not_found', 'No such campaign.');
    }
    if (preview) return renderCampaign(this.renderer, campaign);
    return CampaignDto.from(
      campaign,
      await audienceSize(em, campaign.topic),
      await recipientCounts(em, campaign.id),
    );
  }
}
