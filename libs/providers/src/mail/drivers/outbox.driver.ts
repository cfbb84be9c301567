import type { MailDelivery, MailPort, OutgoingMail } from '../mail.port';

/**
 * Local default: nothing leaves the machine. The message is already stored in
 * the `mail_messages` table, where admins read it at GET /v1/admin/outbox.
 */
export class OutboxMailDriver implements MailPort {
  readonly name = 'outbox' as const;

  send(mail: OutgoingMail): Promise<MailDelivery> {
    return Promise.resolve({
      driver: this.name,
      providerMessageId: `outbox:${mail.idempotencyKey}`,
    });
  }
}
