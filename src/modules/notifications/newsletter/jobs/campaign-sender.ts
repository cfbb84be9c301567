import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import {
  MAIL_PORT,
  MailDeliveryError,
  type MailDelivery,
  type MailPort,
  type OutgoingMail,
} from '@lib/providers';
import { EmailRenderer } from '../../../mail';
import { materializeRecipients, recipientCounts } from '../campaign-recipients';
import { NewsletterCampaign } from '../entities/newsletter-campaign.entity';
import { NewsletterCampaignFinished } from '../events/newsletter.events';
import { NewsletterUnsubscribeLinks } from '../newsletter-unsubscribe-links';
import { campaignEmail, campaignParts, type CampaignParts } from '../render-campaign';
import { NewsletterSendPace, sleep } from './send-pace';

interface PendingRecipient {
  id: string;
  subscriber_id: string;
  email: string;
  batch: number;
}

/** Retryable failures of one batch retried inside the job before the job itself fails and backs off. */
const ATTEMPTS_PER_BATCH = 8;
const MAX_BACKOFF_MS = 30_000;

export interface CampaignSendOutcome {
  status: string;
  batches: number;
}

/**
 * Sends a campaign's pending recipients batch by batch. Each batch's
 * idempotency key is derived from the campaign and the batch's recipient ids,
 * so after a crash the same pending rows form the same batch with the same key
 * and the provider answers the first call's ids instead of mailing again. A
 * batch's rows become `sent` in one statement with the provider's ids.
 */
@Injectable()
export class CampaignSender {
  private readonly logger = new Logger(CampaignSender.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly pace: NewsletterSendPace,
    private readonly links: NewsletterUnsubscribeLinks,
    private readonly config: AppConfig,
    private readonly renderer: EmailRenderer,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
  ) {}

  async run(campaignId: string): Promise<CampaignSendOutcome> {
    const campaign = await this.start(campaignId);
    if (campaign?.status !== 'sending')
      return { status: campaign?.status ?? 'missing', batches: 0 };
    const parts = campaignParts(campaign);
    let batches = 0;
    for (;;) {
      const rows = await this.nextBatch(campaignId);
      if (rows.length === 0) break;
      await this.sendBatch(campaign, parts, rows);
      batches += 1;
    }
    return { status: await this.finish(campaignId), batches };
  }

  /** A scheduled campaign whose time has come gets its recipients now. */
  private start(campaignId: string): Promise<NewsletterCampaign | null> {
    return this.uow.run(async (em) => {
      const campaign = await em.findOne(NewsletterCampaign, campaignId);
      if (campaign?.status === 'scheduled') {
        campaign.status = 'sending';
        campaign.startedAt = new Date();
        await materializeRecipients(em, campaign);
      }
      return campaign;
    });
  }

  /** The pending rows of the lowest batch still pending. */
  private nextBatch(campaignId: string): Promise<PendingRecipient[]> {
    return this.em.fork().execute<PendingRecipient[]>(
      `select id, subscriber_id, email, batch from newsletter_campaign_recipients
        where campaign_id = ? and state = 'pending'
          and batch = (select min(batch) from newsletter_campaign_recipients
                        where campaign_id = ? and state = 'pending')
        order by id`,
      [campaignId, campaignId],
    );
  }

  private async sendBatch(
    campaign: NewsletterCampaign,
    parts: CampaignParts,
    batch: PendingRecipient[],
  ): Promise<void> {
    let rows = batch;
    for (let attempt = 1; rows.length > 0; attempt += 1) {
      await this.pace.take();
      const key = batchKey(campaign.id, rows);
      try {
        const deliveries = await this.mail.sendBatch(
          await Promise.all(rows.map((row) => this.email(campaign.id, parts, row))),
          key,
        );
        await this.markSent(rows, deliveries);
        return;
      } catch (error) {
        if (!(error instanceof MailDeliveryError)) throw error;
        await this.markSent(rows.slice(0, error.delivered.length), error.delivered);
        rows = rows.slice(error.delivered.length);
        if (!error.retryable) {
          this.logger.warn(`Campaign ${campaign.id}: batch refused (${error.message})`);
          await this.sendOneByOne(campaign, parts, rows);
          return;
        }
        if (attempt >= ATTEMPTS_PER_BATCH) throw error;
        if (error.retryAfterMs) await this.pace.hold(error.retryAfterMs);
        const backoff = Math.min(MAX_BACKOFF_MS, 250 * 2 ** (attempt - 1));
        await sleep(Math.max(backoff, error.retryAfterMs ?? 0));
      }
    }
  }

  /**
   * A batch the provider refused as a whole (one malformed address fails all of
   * Resend's batch) goes out one email at a time, so only the bad addresses fail.
   * Each email keeps its own idempotency key; a retryable error fails the job,
   * which continues from the rows still pending.
   */
  private async sendOneByOne(
    campaign: NewsletterCampaign,
    parts: CampaignParts,
    rows: PendingRecipient[],
  ): Promise<void> {
    for (const row of rows) {
      await this.pace.take();
      try {
        await this.markSent(
          [row],
          [await this.mail.send(await this.email(campaign.id, parts, row))],
        );
      } catch (error) {
        if (!(error instanceof MailDeliveryError) || error.retryable) throw error;
        await this.markFailed([row], error.message);
      }
    }
  }

  private async email(
    campaignId: string,
    parts: CampaignParts,
    row: PendingRecipient,
  ): Promise<OutgoingMail> {
    const unsubscribeUrl = this.links.url(row.subscriber_id);
    return {
      idempotencyKey: `newsletter/${campaignId}/${row.id}`,
      from: this.config.env.FROM_EMAIL,
      to: [row.email],
      ...(await campaignEmail(this.renderer, parts, unsubscribeUrl)),
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      tags: { category: 'newsletter', campaign: campaignId },
    };
  }

  private async markSent(rows: PendingRecipient[], deliveries: MailDelivery[]): Promise<void> {
    if (rows.length === 0) return;
    await this.uow.run((em) =>
      em.execute(
        `update newsletter_campaign_recipients r
            set state = 'sent', provider_message_id = v.message_id, sent_at = now(), error = null
           from unnest(?::uuid[], ?::text[]) as v(id, message_id)
          where r.id = v.id and r.state = 'pending'`,
        [pgArray(rows.map((r) => r.id)), pgArray(deliveries.map((d) => d.providerMessageId))],
      ),
    );
  }

  private async markFailed(rows: PendingRecipient[], reason: string): Promise<void> {
    if (rows.length === 0) return;
    await this.uow.run((em) =>
      em.execute(
        `update newsletter_campaign_recipients set state = 'failed', error = ?
          where id = any(?::uuid[]) and state = 'pending'`,
        [reason.slice(0, 500), pgArray(rows.map((r) => r.id))],
      ),
    );
  }

  /** `sent`, or `failed` when the provider refused every email; nothing while rows are pending. */
  private finish(campaignId: string): Promise<string> {
    return this.uow.run(async (em, events) => {
      const campaign = await em.findOneOrFail(NewsletterCampaign, campaignId);
      if (campaign.status !== 'sending') return campaign.status;
      const counts = await recipientCounts(em, campaignId);
      if (counts.pending > 0) return campaign.status;
      const status = counts.sent === 0 && counts.failed > 0 ? 'failed' : 'sent';
      campaign.status = status;
      campaign.finishedAt = new Date();
      events.record(
        new NewsletterCampaignFinished(campaign.id, {
          status,
          sent: counts.sent,
          failed: counts.failed,
          suppressed: counts.suppressed,
        }),
      );
      return status;
    });
  }
}

/** Same campaign and same recipients → same key (Resend keeps keys 24 h, ≤ 256 chars). */
export function batchKey(campaignId: string, rows: { id: string }[]): string {
  const ids = createHash('sha256')
    .update(rows.map((r) => r.id).join(','))
    .digest('base64url');
  return `newsletter/${campaignId}/${ids}`;
}

/** A PostgreSQL array literal with every element quoted. */
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
