import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EmailSuppression } from './entities/email-suppression.entity';

/** Addresses as stored: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The suppression list every non-critical send checks: addresses that hard
 * bounced or complained (Resend webhooks) until an admin clears them.
 */
@Injectable()
export class SuppressionList {
  constructor(private readonly em: EntityManager) {}

  async isSuppressed(email: string): Promise<boolean> {
    const count = await this.em.fork().count(EmailSuppression, { email: normalizeEmail(email) });
    return count > 0;
  }
}
