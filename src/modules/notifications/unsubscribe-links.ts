import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@lib/config';
import { SecretBox } from '@lib/crypto';
import { CATEGORIES, type NotificationCategory } from './notification-types';

export interface UnsubscribeGrant {
  userId: string;
  category: NotificationCategory;
}

/**
 * Signed one-click unsubscribe links (RFC 8058): `<userId>.<category>.<HMAC>`
 * with an HKDF subkey of the data-encryption key, so a link unsubscribes one
 * user from one category and cannot be forged or altered.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(
    box: SecretBox,
    private readonly config: AppConfig,
  ) {
    this.key = box.deriveKey('notifications/unsubscribe-link');
  }

  url(userId: string, category: NotificationCategory): string {
    return new URL(
      `/v1/unsubscribe/${this.token(userId, category)}`,
      this.config.env.API_URL,
    ).toString();
  }

  token(userId: string, category: NotificationCategory): string {
    return `${userId}.${category}.${this.sign(userId, category)}`;
  }

  /** The grant a token carries, or null when it is malformed or tampered with. */
  verify(token: string): UnsubscribeGrant | null {
    const [userId, category, signature, ...rest] = token.split('.');
    if (rest.length > 0 || !userId || !signature) return null;
    if (!(CATEGORIES as readonly string[]).includes(category)) return null;
    const expected = Buffer.from(this.sign(userId, category as NotificationCategory));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return { userId, category: category as NotificationCategory };
  }

  private sign(userId: string, category: string): string {
    return createHmac('sha256', this.key).update(`${userId}.${category}`).digest('base64url');
  }
}
