import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new subscription secret: `whsec_` + 24 random bytes in base64 (Standard Webhooks). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the same on every
 * attempt, for the receiver's dedup), `webhook-timestamp` (unix seconds, of this
 * attempt) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body`).
 */
export function signWebhook(
  secret: string,
  messageId: string,
  body: string,
  at = new Date(),
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}
