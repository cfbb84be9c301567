import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import {
  MailDeliveryError,
  sendOneByOne,
  type MailDelivery,
  type MailPort,
  type OutgoingMail,
} from '../mail.port';

/** Delivers through any SMTP server (SMTP_URL, e.g. smtp://user:pass@host:587). */
export class SmtpMailDriver implements MailPort {
  readonly name = 'smtp' as const;
  private readonly options: SMTPTransport.Options;
  private transport?: Promise<Transporter>;

  constructor(smtpUrl: string, timeoutMs: number) {
    const url = new URL(smtpUrl);
    this.options = {
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      ignoreTLS: url.searchParams.get('tls') === 'off',
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    };
  }

  /** nodemailer is loaded with the first message, not at boot (load time and memory). */
  private connect(): Promise<Transporter> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(this.options),
    );
    return this.transport;
  }

  async send(mail: OutgoingMail): Promise<MailDelivery> {
    try {
      const transport = await this.connect();
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        replyTo: mail.replyTo,
        messageId: `<${mail.idempotencyKey}@career-tools>`,
        headers: { ...mail.headers, 'X-Entity-Ref-ID': mail.idempotencyKey },
      });
      return { driver: this.name, providerMessageId: info.messageId };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx SMTP replies are permanent; connection problems and 4xx are worth retrying.
      const permanent = typeof code === 'number' && code >= 500;
      throw new MailDeliveryError(
        `SMTP delivery failed: ${(error as Error).message}`,
        !permanent,
        code,
      );
    }
  }

  /** No batch API: one message after the other, each with its own idempotency key. */
  sendBatch(mails: OutgoingMail[]): Promise<MailDelivery[]> {
    return sendOneByOne(this, mails);
  }
}
