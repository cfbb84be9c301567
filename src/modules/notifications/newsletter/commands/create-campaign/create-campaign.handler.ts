import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { audienceSize } from '../../campaign-audience';
import { noRecipients } from '../../campaign-recipients';
import { CampaignDto } from '../../dto/campaign.dto';
import { NewsletterCampaign } from '../../entities/newsletter-campaign.entity';
import { NewsletterCampaignDrafted } from '../../events/newsletter.events';
import { CreateCampaignCommand } from './create-campaign.command';

@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ adminId, subject, markdown, topic }: CreateCampaignCommand): Promise<CampaignDto> {
    return this.uow.run(async (em, events) => {
      const campaign = em.create(NewsletterCampaign, {
        subject,
        markdown,
        topic,
        status: 'draft',
        createdBy: adminId,
        createdAt: new Date(),
      });
      await em.flush();
      events.record(new NewsletterCampaignDrafted(campaign.id, { topic }));
      return CampaignDto.from(campaign, await audienceSize(em, topic), noRecipients());
    });
  }
}
