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
}

export interface MailDelivery {
  driver: MailDriverName;
  providerMessageId: string;
}

export type MailDriverName = 'outbox' | 'smtp' | 'resend';

/** Port every mail driver implements. Throw MailDeliveryError on failure. */
export interface MailPort {
  readonly name: MailDriverName;
  send(mail: OutgoingMail): Promise<MailDelivery>;
}

export const MAIL_PORT = Symbol('MAIL_PORT');

/**
 * A failed delivery. `retryable` tells the job whether another attempt can
 * succeed (rate limits, 5xx, timeouts) or not (bad address, bad key).
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}
