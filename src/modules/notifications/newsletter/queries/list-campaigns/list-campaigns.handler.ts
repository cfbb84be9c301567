import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../../common/pagination';
import { audienceSize } from '../../campaign-audience';
import { noRecipients, recipientCountsOf } from '../../campaign-recipients';
import { CampaignDto, type CampaignPageDto } from '../../dto/campaign.dto';
import { NewsletterCampaign } from '../../entities/newsletter-campaign.entity';
import { ListCampaignsQuery } from './list-campaigns.query';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery, CampaignPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ limit, cursor }: ListCampaignsQuery): Promise<CampaignPageDto> {
    const em = this.em.fork();
    const rows = await em.find(
      NewsletterCampaign,
      cursor ? newestFirst.after<NewsletterCampaign>(cursor) : {},
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    const audiences = new Map<string, number>();
    for (const topic of new Set(rows.map((r) => r.topic))) {
      audiences.set(topic, await audienceSize(em, topic));
    }
    const counts = await recipientCountsOf(
      em,
      rows.map((r) => r.id),
    );
    return cursorPage(
      rows,
      limit,
      (row) =>
        CampaignDto.from(row, audiences.get(row.topic) ?? 0, counts.get(row.id) ?? noRecipients()),
      newestFirst.position,
    );
  }
}
