import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { SecretBox } from '@lib/crypto';
import { MailMessage } from './entities/mail-message.entity';
import type { RenderedEmail } from './templates/render-email';

export const REDACTED_LINK = '[redacted link]';

/** The body that goes out when a stored message has live links redacted. */
export interface SealedBody {
  html: string;
  text: string;
}

export interface QueueOptions {
  template?: string;
  id?: string;
  liveLinks?: string[];
  /** Extra headers (List-Unsubscribe…); the drivers send them as given. */
  headers?: Record<string, string>;
}

const sealContext = (messageId: string) => `mail_messages.sealed_body:${messageId}`;

/**
 * Stores an email inside the caller's transaction, so the email exists if and
 * only if the change that sends it commits (delivery follows from its event).
 */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly config: AppConfig,
    private readonly box: SecretBox,
  ) {}

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
    options: QueueOptions = {},
  ): Promise<string> {
    if (options.id && (await em.count(MailMessage, options.id))) return options.id;
    return this.queue(em, to, email, options).id;
  }

  /**
   * `liveLinks`: links carrying a live token (verification, reset). The stored
   * copy (what admins and backups see) has them replaced by `[redacted link]`;
   * the real body is kept sealed only until delivery.
   */
  queue(
    em: EntityManager,
    to: string[],
    email: RenderedEmail,
    options: QueueOptions = {},
  ): MailMessage {
    const { liveLinks = [], ...rest } = options;
    const message = MailMessage.queue({
      from: this.config.env.FROM_EMAIL,
      to,
      ...email,
      html: redact(email.html, liveLinks),
      text: redact(email.text, liveLinks),
      ...rest,
    });
    if (liveLinks.length > 0) {
      const body: SealedBody = { html: email.html, text: email.text };
      message.sealedBody = this.box.seal(JSON.stringify(body), sealContext(message.id));
    }
    em.persist(message);
    return message;
  }

  /** The body to deliver: the sealed original when links were redacted, else the stored one. */
  bodyToDeliver(message: MailMessage): SealedBody {
    if (!message.sealedBody) return { html: message.html, text: message.text };
    return JSON.parse(this.box.open(message.sealedBody, sealContext(message.id))) as SealedBody;
  }
}

function redact(body: string, links: string[]): string {
  let redacted = body;
  for (const link of links) {
    const escaped = link.replace(/&/g, '&amp;');
    redacted = redacted.split(link).join(REDACTED_LINK).split(escaped).join(REDACTED_LINK);
  }
  return redacted;
}
