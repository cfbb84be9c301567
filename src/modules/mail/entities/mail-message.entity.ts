import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { AggregateRoot } from '@lib/event-store';
import { MailMessageFailed, MailMessageQueued, MailMessageSent } from '../events/mail.events';

export type MailStatus = 'queued' | 'sent' | 'failed';

/**
 * An email the platform sends. Every message is stored before delivery, so a
 * crash or a provider outage loses nothing; with the `outbox` driver this
 * table *is* the delivery target and admins read it through the API.
 */
@Entity({ tableName: 'mail_messages' })
@Index({ properties: ['createdAt'] })
export class MailMessage extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  fromAddress!: string;

  @Property({ type: 'json' })
  recipients!: string[];

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  html!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text', nullable: true })
  template?: string | null;

  /** Extra headers to send (e.g. List-Unsubscribe on bulk mail). */
  @Property({ type: 'json', nullable: true })
  headers?: Record<string, string> | null;

  /**
   * The real body when `html`/`text` had live links redacted: sealed with the
   * data-encryption key (bound to this message) and dropped once delivered or failed.
   */
  @Property({ type: 'text', nullable: true, hidden: true })
  sealedBody?: string | null;

  @Enum({ items: ['queued', 'sent', 'failed'] })
  status: MailStatus = 'queued';

  @Property({ type: 'text', nullable: true })
  driver?: string | null;

  @Property({ type: 'text', nullable: true })
  providerMessageId?: string | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  static queue(fields: {
    id?: string;
    from: string;
    to: string[];
    subject: string;
    html: string;
    text: string;
    template?: string;
    headers?: Record<string, string>;
  }): MailMessage {
    const message = new MailMessage();
    if (fields.id) message.id = fields.id;
    message.fromAddress = fields.from;
    message.recipients = fields.to.map((address) => address.trim().toLowerCase());
    message.subject = fields.subject;
    message.html = fields.html;
    message.text = fields.text;
    message.template = fields.template ?? null;
    message.headers =
      fields.headers && Object.keys(fields.headers).length > 0 ? fields.headers : null;
    message.raise(
      new MailMessageQueued(message.id, {
        template: message.template,
        recipients: fields.to.length,
      }),
    );
    return message;
  }

  markSent(driver: string, providerMessageId: string, attempts: number): void {
    if (this.status === 'sent') return;
    this.status = 'sent';
    this.driver = driver;
    this.providerMessageId = providerMessageId;
    this.attempts = attempts;
    this.lastError = null;
    this.sentAt = new Date();
    this.sealedBody = null;
    this.raise(new MailMessageSent(this.id, { driver, providerMessageId }));
  }

  recordAttemptFailed(error: string, attempts: number, final: boolean): void {
    if (this.status === 'sent') return;
    this.attempts = attempts;
    this.lastError = error.slice(0, 1000);
    if (final) {
      this.status = 'failed';
      this.sealedBody = null;
      this.raise(new MailMessageFailed(this.id, { error: this.lastError, attempts }));
    }
  }
}
