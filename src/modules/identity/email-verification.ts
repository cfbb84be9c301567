import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { IdentityMail } from './emails/identity-mail';
import { identityEmails } from './emails/identity-emails';
import type { User } from './entities/user.entity';
import { UserTokens } from './sessions/user-tokens';

/** Sends the confirm-your-email message with a fresh single-use link (in the caller's transaction). */
@Injectable()
export class EmailVerification {
  constructor(
    private readonly tokens: UserTokens,
    private readonly mail: IdentityMail,
    private readonly config: AppConfig,
  ) {}

  async send(em: EntityManager, user: User): Promise<void> {
    const hours = this.config.env.EMAIL_VERIFICATION_TTL_HOURS;
    const token = await this.tokens.issue(em, user.id, 'email_verification', hours * 3_600_000);
    const link = new URL('/verify-email', this.config.env.FRONTEND_URL);
    link.searchParams.set('token', token);
    await this.mail.queue(
      em,
      user,
      identityEmails['verify-email'],
      { name: user.name, link: link.toString(), hours },
      [link.toString()],
    );
  }
}
