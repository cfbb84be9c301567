import type { EntityManager } from '@mikro-orm/postgresql';
import { MAIL_BATCH_LIMIT } from '@lib/providers';
import type { RecipientState } from './entities/newsletter-campaign-recipient.entity';
import type { NewsletterCampaign } from './entities/newsletter-campaign.entity';

export type RecipientCounts = Record<RecipientState, number> & { total: number };

/**
 * Fixes a campaign's recipients: the confirmed subscribers of its topic now
 * (unsubscribed ones are not confirmed), suppressed addresses as `suppressed`
 * rows, the others `pending` in numbered batches of MAIL_BATCH_LIMIT. Runs in
 * the transaction that moves the campaign to `sending`; a second run adds nothing.
 */
export async function materializeRecipients(
  em: EntityManager,
  campaign: Pick<NewsletterCampaign, 'id' | 'topic'>,
): Promise<void> {
  await em.execute(
    `insert into newsletter_campaign_recipients (id, campaign_id, subscriber_id, email, state, batch)
     select gen_random_uuid(), ?, a.id, a.email,
            case when a.suppressed then 'suppressed' else 'pending' end,
            case when a.suppressed then null
                 else (row_number() over (partition by a.suppressed order by a.id) - 1) / ? end
       from (select s.id, s.email,
                    exists (select 1 from email_suppressions e where e.email = s.email) as suppressed
               from newsletter_subscribers s
              where s.status = 'confirmed' and s.topics @> jsonb_build_array(?::text)) a
     on conflict (campaign_id, subscriber_id) do nothing`,
    [campaign.id, MAIL_BATCH_LIMIT, campaign.topic],
  );
}

export async function recipientCounts(
  em: EntityManager,
  campaignId: string,
): Promise<RecipientCounts> {
  return (await recipientCountsOf(em, [campaignId])).get(campaignId) ?? noRecipients();
}

/** Counts per campaign, in one query; a campaign without recipients is absent. */
export async function recipientCountsOf(
  em: EntityManager,
  campaignIds: string[],
): Promise<Map<string, RecipientCounts>> {
  const counts = new Map<string, RecipientCounts>();
  if (campaignIds.length === 0) return counts;
  const rows = await em.execute<{ campaign_id: string; state: RecipientState; n: string }[]>(
    `select campaign_id, state, count(*) as n from newsletter_campaign_recipients
      where campaign_id = any(?::uuid[]) group by campaign_id, state`,
    [`{${campaignIds.join(',')}}`],
  );
  for (const { campaign_id: id, state, n } of rows) {
    const entry = counts.get(id) ?? noRecipients();
    entry[state] = Number(n);
    entry.total += Number(n);
    counts.set(id, entry);
  }
  return counts;
}

export function noRecipients(): RecipientCounts {
  return { total: 0, pending: 0, sent: 0, failed: 0, suppressed: 0 };
}
