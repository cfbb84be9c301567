import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { MailMessage } from './entities/mail-message.entity';
import type { RenderedEmail } from './templates/render-email';

/**
 * Stores an email inside the caller's transaction, so the email exists if and
 * only if the change that sends it commits (delivery follows from its event).
 */
@Injectable()
export class MailOutbox {
  constructor(private readonly config: AppConfig) {}

  /** Deletes every stored email sent to `address` (the person was erased). */
  async forget(em: EntityManager, address: string): Promise<void> {
    await em.execute('delete from mail_messages where recipients @> ?::jsonb', [
      JSON.stringify([address]),
    ]);
  }

  /**
   * Like `queue`, but a message that already exists under `options.id` (e.g.
   * an event handler passing its event id) is a repeat and adds nothing.
   * Resolves to the message id.
   */
  async queueOnce(
    em: EntityManager,
    to: string[],
    email: RenderedEmail,
    options: { template?: string; id?: string } = {},
  ): Promise<string> {
    if (options.id && (await em.count(MailMessage, options.id))) return options.id;
    return this.queue(em, to, email, options).id;
  }

  queue(
    em: EntityManager,
    to: string[],
    email: RenderedEmail,
    options: { template?: string; id?: string } = {},
  ): MailMessage {
    const message = MailMessage.queue({
      from: this.config.env.FROM_EMAIL,
      to,
      ...email,
      ...options,
    });
    em.persist(message);
    return message;
  }
}
