import { Resend } from 'resend';
import {
  MailDeliveryError,
  type MailDelivery,
  type MailPort,
  type OutgoingMail,
} from '../mail.port';

/** Delivers through Resend's REST API with the official SDK. */
export class ResendMailDriver implements MailPort {
  readonly name = 'resend' as const;
  private readonly client: Resend;

  constructor(
    apiKey: string,
    private readonly timeoutMs: number,
    baseUrl?: string,
  ) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(mail: OutgoingMail): Promise<MailDelivery> {
    const sending = this.client.emails.send(
      {
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        replyTo: mail.replyTo,
        tags: Object.entries(mail.tags ?? {}).map(([name, value]) => ({ name, value })),
      },
      { idempotencyKey: mail.idempotencyKey },
    );
    const { data, error } = await withTimeout(sending, this.timeoutMs);
    if (error || !data) {
      const status = error?.statusCode ?? undefined;
      throw new MailDeliveryError(
        `Resend rejected the message: ${error?.message ?? 'empty response'}`,
        isRetryable(status, error?.name),
        status,
      );
    }
    return { driver: this.name, providerMessageId: data.id };
  }
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
