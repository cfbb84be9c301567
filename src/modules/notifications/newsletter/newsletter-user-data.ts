import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  emailOf,
  ExportsUserData,
  exportedRows,
  jsonFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../../common/user-data';
import { NewsletterCampaign } from './entities/newsletter-campaign.entity';
import { NewsletterCampaignRecipient } from './entities/newsletter-campaign-recipient.entity';
import { NewsletterSubscriber } from './entities/newsletter-subscriber.entity';

/** The newsletter subscription of the user's address (never its confirmation token) and the campaigns sent to it. */
@Injectable()
@ExportsUserData()
export class NewsletterUserData implements UserDataExporter {
  readonly name = 'newsletter';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const email = await emailOf(em, userId);
    const subscriber = email ? await em.findOne(NewsletterSubscriber, { email }) : null;
    const received = subscriber
      ? await em.find(NewsletterCampaignRecipient, { subscriberId: subscriber.id })
      : [];
    const campaigns = await em.find(NewsletterCampaign, {
      id: { $in: received.map((r) => r.campaignId) },
    });
    const subjects = new Map(campaigns.map((c) => [c.id, c.subject]));
    return [
      jsonFile('subscription.json', subscriber ? exportedRows([subscriber])[0] : null),
      jsonFile(
        'campaigns-received.json',
        received.map((r) => ({
          campaignId: r.campaignId,
          subject: subjects.get(r.campaignId) ?? null,
          state: r.state,
          sentAt: r.sentAt ?? null,
        })),
      ),
    ];
  }
}
