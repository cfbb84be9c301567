import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sendOneByOne, type MailDelivery, type MailPort, type OutgoingMail } from '../mail.port';

/**
 * Local default: nothing leaves the machine. The message is already stored in
 * the `mail_messages` table, where admins read it at GET /v1/admin/outbox with
 * live links (verification, reset) redacted. Outside production the delivered
 * message, links included, is also written to a development mailbox directory
 * (`DATA_DIR/dev-mailbox/<message id>.json`) for the developer's own tooling.
 */
export class OutboxMailDriver implements MailPort {
  readonly name = 'outbox' as const;

  /** `mailboxDir`: where delivered messages go in development; none in production. */
  constructor(private readonly mailboxDir?: string) {}

  async send(mail: OutgoingMail): Promise<MailDelivery> {
    if (this.mailboxDir) {
      await mkdir(this.mailboxDir, { recursive: true, mode: 0o700 });
      const { to, subject, text, html, tags, headers } = mail;
      await writeFile(
        join(this.mailboxDir, `${mail.idempotencyKey.replace(/[^A-Za-z0-9-]/g, '')}.json`),
        JSON.stringify({ id: mail.idempotencyKey, to, subject, text, html, tags, headers }),
        { mode: 0o600 },
      );
    }
    return { driver: this.name, providerMessageId: `outbox:${mail.idempotencyKey}` };
  }

  /** No batch API: one message after the other, each with its own idempotency key. */
  sendBatch(mails: OutgoingMail[]): Promise<MailDelivery[]> {
    return sendOneByOne(this, mails);
  }
}
