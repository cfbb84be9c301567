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
