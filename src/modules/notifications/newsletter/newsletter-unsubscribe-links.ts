import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@lib/config';
import { SecretBox } from '@lib/crypto';

/**
 * Signed unsubscribe links for visitors' newsletter subscriptions (they have no
 * account, so the category links of signed-in users do not fit):
 * `<subscriberId>.<HMAC>` with an HKDF subkey of the data-encryption key.
 */
@Injectable()
export class NewsletterUnsubscribeLinks {
  private readonly key: Buffer;

  constructor(
    box: SecretBox,
    private readonly config: AppConfig,
  ) {
    this.key = box.deriveKey('newsletter/unsubscribe-link');
  }

  url(subscriberId: string): string {
    return new URL(
      `/v1/newsletter/unsubscribe/${subscriberId}.${this.sign(subscriberId)}`,
      this.config.env.API_URL,
    ).toString();
  }

  /** The subscriber id a token names, or null when it is malformed or tampered with. */
  verify(token: string): string | null {
    const [subscriberId, signature, ...rest] = token.split('.');
    if (rest.length > 0 || !subscriberId || !signature) return null;
    const expected = Buffer.from(this.sign(subscriberId));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return subscriberId;
  }

  private sign(subscriberId: string): string {
    return createHmac('sha256', this.key).update(subscriberId).digest('base64url');
  }
}
