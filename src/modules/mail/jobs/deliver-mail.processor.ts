import { Processor } from '@nestjs/bull';
import { Inject, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Job } from 'bull';
import { auditContext, UnitOfWork } from '@lib/event-store';
import { MAIL_PORT, MailDeliveryError, type MailPort } from '@lib/providers';
import { QUEUES, TracedProcess, type SendMailJob } from '@lib/queue';
import { MailMessage } from '../entities/mail-message.entity';
import { MailOutbox } from '../mail-outbox';

/**
 * Delivers one stored message through the configured driver. Idempotent: a
 * message already sent is skipped, and the message id is the provider's
 * idempotency key, so a retried job never sends twice.
 */
@Processor(QUEUES.mail)
export class DeliverMailProcessor {
  private readonly logger = new Logger(DeliverMailProcessor.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly em: EntityManager,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly outbox: MailOutbox,
  ) {}

  @TracedProcess('send')
  async deliver(job: Job<SendMailJob>): Promise<{ status: string }> {
    return auditContext.run(
      { actor: { type: 'system', id: 'mail-worker' }, causationId: String(job.id) },
      () => this.deliverInContext(job),
    );
  }

  private async deliverInContext(job: Job<SendMailJob>): Promise<{ status: string }> {
    const { messageId } = job.data;
    const message = await this.em.fork().findOne(MailMessage, messageId);
    if (!message) return { status: 'missing' };
    if (message.status !== 'queued') return { status: message.status };

    const attempt = job.attemptsMade + 1;
    try {
      const body = this.outbox.bodyToDeliver(message);
      const delivery = await this.mail.send({
        idempotencyKey: message.id,
        from: message.fromAddress,
        to: message.recipients,
        subject: message.subject,
        html: body.html,
        text: body.text,
        tags: message.template ? { template: message.template } : undefined,
        headers: message.headers ?? undefined,
      });
      await this.update(messageId, (m) =>
        m.markSent(delivery.driver, delivery.providerMessageId, attempt),
      );
      return { status: 'sent' };
    } catch (error) {
      const retryable = !(error instanceof MailDeliveryError) || error.retryable;
      const final = !retryable || attempt >= (job.opts.attempts ?? 1);
      await this.update(messageId, (m) =>
        m.recordAttemptFailed((error as Error).message, attempt, final),
      );
      this.logger.warn(`Mail ${messageId} attempt ${attempt} failed${final ? ' for good' : ''}`);
      if (!retryable) await job.discard();
      throw error;
    }
  }

  private update(messageId: string, change: (message: MailMessage) => void): Promise<void> {
    return this.uow.run(async (em) => {
      const message = await em.findOneOrFail(MailMessage, messageId);
      change(message);
    });
  }
}
