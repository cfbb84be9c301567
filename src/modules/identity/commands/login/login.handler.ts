import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { accountRefusal } from '../../accounts/account-access';
import { lockoutPolicy } from '../../accounts/lockout';
import { User } from '../../entities/user.entity';
import { LoginFailed, type LoginFailureReason } from '../../events/identity.events';
import { PasswordHasher } from '../../password-hasher';
import { SessionService } from '../../sessions/session.service';
import { TwoFactorService } from '../../two-factor/two-factor.service';
import type { TokenPair } from '../../dto/token-pair.dto';
import { LoginCommand } from './login.command';

/**
 * Signs in with email and password. Unknown email, wrong password, locked and
 * disabled accounts all get the same 401 `auth.invalid_credentials` after the
 * same bcrypt work, so the answer never tells whether an account exists or
 * whether a guessed password was right; the owner of a locked account learns
 * of it by email, and admins from the audit trail.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, TokenPair> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
    private readonly config: AppConfig,
  ) {}

  async execute(command: LoginCommand): Promise<TokenPair> {
    const pair = await this.uow.run(async (em, events) => {
      const found = await em.findOne(
        User,
        { email: command.email.trim().toLowerCase() },
        { populate: ['passwordHash'] },
      );
      const valid = await this.hasher.verify(command.password, found?.passwordHash);
      const refuse = (reason: LoginFailureReason) => {
        events.record(new LoginFailed(command.ip, { reason }));
        return undefined;
      };
      if (!found) return refuse('invalid_credentials');

      // Read the counter and lock under a row lock, so parallel attempts each count once.
      await em.refresh(found, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const refusal = accountRefusal(found, 'sign_in');
      if (refusal) return refuse(refusal);
      if (!valid) {
        found.recordFailedLogin(lockoutPolicy(this.config));
        return refuse('invalid_credentials');
      }
      const mfaRefusal = await this.twoFactor.refuseSecondFactor(
        em,
        events,
        found,
        command.otp,
        'login',
      );
      if (mfaRefusal) return mfaRefusal;
      found.recordLogin();
      return this.sessions.start(em, events, found, {
        ip: command.ip,
        userAgent: command.userAgent,
      });
    });
    if (pair instanceof Problem) throw pair;
    if (!pair)
      throw Problem.unauthorized('auth.invalid_credentials', 'Email or password is incorrect');
    return pair;
  }
}
