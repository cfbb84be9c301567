import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { uuidv7 } from 'uuidv7';
import { AppConfig } from '@lib/config';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import { deliverabilityProblems } from '../../deliverability.problems';
import { EmailDeliveryEvent } from '../../entities/email-delivery-event.entity';
import { EmailSuppression, type SuppressionReason } from '../../entities/email-suppression.entity';
import { AddressSuppressed } from '../../events/deliverability.events';
import { normalizeEmail } from '../../suppression-list';
import { ReceiveResendWebhookCommand } from './receive-resend-webhook.command';

/** The part of a Resend event this module reads. */
interface ResendEvent {
  type: string;
  created_at?: string;
  data: {
    email_id?: string;
    to?: string[] | string;
    bounce?: { type?: string; subType?: string; message?: string };
  };
}

/**
 * Verifies the svix signature (HMAC-SHA256 over `id.timestamp.body` with the
 * whsec_ secret, timestamp within 5 minutes, via `standardwebhooks`, the library
 * the Resend SDK verifies with) before anything is read, then records the event
 * once per svix-id. A permanent bounce or a complaint puts each recipient on the
 * suppression list; transient bounces, deliveries and delays are only recorded.
 */
@CommandHandler(ReceiveResendWebhookCommand)
export class ReceiveResendWebhookHandler implements ICommandHandler<ReceiveResendWebhookCommand> {
  private readonly logger = new Logger('ResendWebhook');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({
    rawBody,
    headers,
  }: ReceiveResendWebhookCommand): Promise<{ duplicate: boolean; suppressed: number }> {
    const event = this.verify(rawBody, headers);
    const webhookId = headers.id!;
    return this.uow.run(async (em, events) => {
      const recipients = toList(event.data.to).map(addressOf);
      const inserted = await em
        .createQueryBuilder(EmailDeliveryEvent)
        .insert({
          webhookId,
          provider: 'resend',
          type: event.type,
          providerEmailId: event.data.email_id ?? null,
          recipients,
          bounceType: event.data.bounce?.type ?? null,
          occurredAt: validDate(event.created_at),
          receivedAt: new Date(),
        })
        .onConflict('webhookId')
        .ignore()
        .execute<{ affectedRows: number }>('run');
      if (inserted.affectedRows === 0) return { duplicate: true, suppressed: 0 };

      const reason = suppressionReason(event);
      if (!reason) return { duplicate: false, suppressed: 0 };
      let suppressed = 0;
      for (const email of recipients) {
        if (await this.suppress(em, events, email, reason, event, webhookId)) suppressed += 1;
      }
      this.logger.log(`${event.type}: ${suppressed} address(es) suppressed (${reason})`);
      return { duplicate: false, suppressed };
    });
  }

  private verify(rawBody: Buffer, headers: ReceiveResendWebhookCommand['headers']): ResendEvent {
    const secret = this.config.env.RESEND_WEBHOOK_SECRET;
    if (!secret) {
      throw deliverabilityProblems.problem(
        'deliverability.webhook_not_configured',
        'Set RESEND_WEBHOOK_SECRET to the signing secret of the Resend webhook.',
      );
    }
    let body: unknown;
    try {
      if (!headers.id || !headers.timestamp || !headers.signature) throw new Error('missing');
      body = new Webhook(secret).verify(rawBody, {
        'webhook-id': headers.id,
        'webhook-timestamp': headers.timestamp,
        'webhook-signature': headers.signature,
      });
    } catch {
      throw deliverabilityProblems.problem(
        'deliverability.invalid_signature',
        'The svix-id, svix-timestamp and svix-signature headers do not verify this body.',
      );
    }
    const event = body as Partial<ResendEvent> | null;
    if (typeof event?.type !== 'string' || typeof event.data !== 'object' || !event.data) {
      throw deliverabilityProblems.problem(
        'deliverability.invalid_event',
        'Expected a JSON object with `type` and `data`.',
      );
    }
    return event as ResendEvent;
  }

  private async suppress(
    em: EntityManager,
    events: EventRecorder,
    email: string,
    reason: SuppressionReason,
    event: ResendEvent,
    webhookId: string,
  ): Promise<boolean> {
    const id = uuidv7();
    const result = await em
      .createQueryBuilder(EmailSuppression)
      .insert({
        id,
        email,
        reason,
        detail: event.data.bounce?.message?.slice(0, 1000) ?? null,
        providerEmailId: event.data.email_id ?? null,
        webhookId,
        createdAt: new Date(),
      })
      .onConflict('email')
      .ignore()
      .execute<{ affectedRows: number }>('run');
    if (result.affectedRows === 0) return false; // already suppressed
    events.record(new AddressSuppressed(id, { reason, webhookId }));
    return true;
  }
}

/** Hard bounces and complaints suppress; anything else (soft bounces included) does not. */
function suppressionReason(event: ResendEvent): SuppressionReason | undefined {
  if (event.type === 'email.complained') return 'complaint';
  if (event.type === 'email.bounced' && event.data.bounce?.type === 'Permanent') {
    return 'hard_bounce';
  }
  return undefined;
}

function toList(value: string[] | string | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** `Name <a@b.c>` or `a@b.c` → `a@b.c`, lower-cased. */
function addressOf(recipient: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(recipient);
  return normalizeEmail(angled ? angled[1] : recipient);
}

function validDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
