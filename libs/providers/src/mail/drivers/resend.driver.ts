import type { CreateEmailOptions, Resend } from 'resend';
import {
  MAIL_BATCH_LIMIT,
  MailDeliveryError,
  type MailDelivery,
  type MailPort,
  type OutgoingMail,
} from '../mail.port';

/** Delivers through Resend's REST API with the official SDK. */
export class ResendMailDriver implements MailPort {
  readonly name = 'resend' as const;
  private client?: Promise<Resend>;

  constructor(
    private readonly apiKey: string,
    private readonly timeoutMs: number,
    private readonly baseUrl?: string,
  ) {}

  /** The SDK is loaded with the first message, not at boot (load time and memory). */
  private connect(): Promise<Resend> {
    this.client ??= import('resend').then(
      ({ Resend }) => new Resend(this.apiKey, this.baseUrl ? { baseUrl: this.baseUrl } : undefined),
    );
    return this.client;
  }

  async send(mail: OutgoingMail): Promise<MailDelivery> {
    const client = await this.connect();
    const sending = client.emails.send(toResend(mail), { idempotencyKey: mail.idempotencyKey });
    const { data, error, headers } = await withTimeout(sending, this.timeoutMs);
    if (error || !data) throw rejected(error, headers);
    return { driver: this.name, providerMessageId: data.id };
  }

  /** One `POST /emails/batch` (strict validation: all messages are accepted or none). */
  async sendBatch(mails: OutgoingMail[], idempotencyKey: string): Promise<MailDelivery[]> {
    if (mails.length === 0) return [];
    if (mails.length > MAIL_BATCH_LIMIT) {
      throw new MailDeliveryError(`A batch holds at most ${MAIL_BATCH_LIMIT} messages`, false);
    }
    const client = await this.connect();
    const sending = client.batch.send(mails.map(toResend), { idempotencyKey });
    const { data, error, headers } = await withTimeout(sending, this.timeoutMs);
    if (error || !data) throw rejected(error, headers);
    if (data.data.length !== mails.length) {
      throw new MailDeliveryError(
        `Resend answered ${data.data.length} ids for a batch of ${mails.length}`,
        true,
      );
    }
    return data.data.map(({ id }) => ({ driver: this.name, providerMessageId: id }));
  }
}

function toResend(mail: OutgoingMail): CreateEmailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    replyTo: mail.replyTo,
    headers: mail.headers,
    tags: Object.entries(mail.tags ?? {}).map(([name, value]) => ({ name, value })),
  };
}

function rejected(
  error: { statusCode?: number | null; name?: string; message?: string } | null,
  headers: Record<string, string> | null,
): MailDeliveryError {
  const status = error?.statusCode ?? undefined;
  const retryAfter = Number(headers?.['retry-after']);
  return new MailDeliveryError(
    `Resend rejected the message: ${error?.message ?? 'empty response'}`,
    isRetryable(status, error?.name),
    status,
    { retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : undefined },
  );
}

/**
 * Rate limits, server errors and network failures (no status) can pass on a
 * retry. So can a 409 concurrent_idempotent_requests: it means a retry overtook
 * an earlier attempt that is still in progress (e.g. one we timed out on), and
 * the next retry gets that attempt's id back.
 */
function isRetryable(status: number | undefined, name: string | undefined): boolean {
  if (name === 'concurrent_idempotent_requests') return true;
  return status === undefined || status === 429 || status >= 500;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MailDeliveryError(`Resend timed out after ${ms} ms`, true)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
