import { Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { AppConfig } from '@lib/config';
import { auditContext, UnitOfWork } from '@lib/event-store';
import { QUEUES, TracedProcess, type PasswordResetJob } from '@lib/queue';
import { IdentityMail } from '../emails/identity-mail';
import { identityEmails } from '../emails/identity-emails';
import { User } from '../entities/user.entity';
import { PasswordResetRequested } from '../events/identity.events';
import { UserTokens } from '../sessions/user-tokens';

/** Emails a reset link when the address has an account; does nothing otherwise. */
@Processor(QUEUES.identity)
export class PasswordResetProcessor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: UserTokens,
    private readonly mail: IdentityMail,
    private readonly config: AppConfig,
  ) {}

  @TracedProcess('password-reset')
  async send(job: Job<PasswordResetJob>): Promise<{ sent: boolean }> {
    return auditContext.run({ actor: { type: 'system', id: 'identity-worker' } }, () =>
      this.uow.run(async (em, events) => {
        const user = await em.findOne(User, { email: job.data.email });
        if (!user) return { sent: false };
        const minutes = this.config.env.PASSWORD_RESET_TTL_MINUTES;
        const token = await this.tokens.issue(em, user.id, 'password_reset', minutes * 60_000);
        const link = new URL('/reset-password', this.config.env.FRONTEND_URL);
        link.searchParams.set('token', token);
        await this.mail.queue(
          em,
          user,
          identityEmails['password-reset'],
          { name: user.name, link: link.toString(), minutes },
          [link.toString()],
        );
        events.record(new PasswordResetRequested(user.id, {}));
        return { sent: true };
      }),
    );
  }
}
