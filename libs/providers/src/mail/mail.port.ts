/** A message ready for delivery. `idempotencyKey` is stable across retries. */
export interface OutgoingMail {
  idempotencyKey: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  tags?: Record<string, string>;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface MailDelivery {
  driver: MailDriverName;
  providerMessageId: string;
}

export type MailDriverName = 'outbox' | 'smtp' | 'resend';

/** The most messages one `sendBatch` call takes (Resend's batch API limit). */
export const MAIL_BATCH_LIMIT = 100;

/** Port every mail driver implements. Throw MailDeliveryError on failure. */
export interface MailPort {
  readonly name: MailDriverName;
  send(mail: OutgoingMail): Promise<MailDelivery>;
  /**
   * Sends up to MAIL_BATCH_LIMIT messages; answers their deliveries in the same
   * order. `idempotencyKey` names the whole batch: a retry with the same key and
   * messages sends nothing twice where the provider supports it (Resend). Drivers
   * without a batch API send one by one; a failure then carries the deliveries
   * that went out before it (`MailDeliveryError.delivered`).
   */
  sendBatch(mails: OutgoingMail[], idempotencyKey: string): Promise<MailDelivery[]>;
}

export const MAIL_PORT = Symbol('MAIL_PORT');

/**
 * A failed delivery. `retryable` tells the job whether another attempt can
 * succeed (rate limits, 5xx, timeouts) or not (bad address, bad key).
 */
export class MailDeliveryError extends Error {
  /** How long the provider asked us to wait (Retry-After), if it did. */
  readonly retryAfterMs?: number;
  /** For a batch sent one by one: the deliveries that went out before the failure. */
  readonly delivered: MailDelivery[];

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    details: { retryAfterMs?: number; delivered?: MailDelivery[] } = {},
  ) {
    super(message);
    this.name = 'MailDeliveryError';
    this.retryAfterMs = details.retryAfterMs;
    this.delivered = details.delivered ?? [];
  }
}

/** `sendBatch` for drivers without a batch API: one message after the other. */
export async function sendOneByOne(
  port: Pick<MailPort, 'send'>,
  mails: OutgoingMail[],
): Promise<MailDelivery[]> {
  if (mails.length > MAIL_BATCH_LIMIT) {
    throw new MailDeliveryError(`A batch holds at most ${MAIL_BATCH_LIMIT} messages`, false);
  }
  const delivered: MailDelivery[] = [];
  for (const mail of mails) {
    try {
      delivered.push(await port.send(mail));
    } catch (error) {
      const known = error instanceof MailDeliveryError ? error : undefined;
      throw new MailDeliveryError(
        (error as Error).message,
        known?.retryable ?? true,
        known?.status,
        {
          retryAfterMs: known?.retryAfterMs,
          delivered,
        },
      );
    }
  }
  return delivered;
}
