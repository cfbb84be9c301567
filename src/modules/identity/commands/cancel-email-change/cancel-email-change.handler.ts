import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../entities/user.entity';
import { identityProblems } from '../../identity.problems';
import { UserTokens } from '../../sessions/user-tokens';
import { CancelEmailChangeCommand } from './cancel-email-change.command';

@CommandHandler(CancelEmailChangeCommand)
export class CancelEmailChangeHandler implements ICommandHandler<CancelEmailChangeCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: UserTokens,
    private readonly config: AppConfig,
  ) {}

  async execute({ by }: CancelEmailChangeCommand): Promise<void> {
    const done = await this.uow.run(async (em) => {
      const fromOldAddress = 'token' in by;
      const userId = fromOldAddress
        ? await this.tokens.consume(em, by.token, 'email_change_cancel')
        : by.userId;
      const user = userId ? await em.findOne(User, userId) : null;
      if (!user) return false;
      const lockUntil = fromOldAddress
        ? new Date(Date.now() + this.config.env.EMAIL_CHANGE_LOCK_HOURS * 3_600_000)
        : undefined;
      user.cancelEmailChange(fromOldAddress ? 'old_address' : 'user', lockUntil);
      await this.tokens.revoke(em, user.id, ['email_change']);
      return true;
    });
    if (!done) {
      throw identityProblems.problem(
        'auth.invalid_email_change_token',
        'The link is invalid, used or expired',
      );
    }
  }
}
