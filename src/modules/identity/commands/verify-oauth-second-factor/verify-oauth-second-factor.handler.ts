import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { accountRefusal } from '../../accounts/account-access';
import type { TokenPair } from '../../dto/token-pair.dto';
import { OAuthFlowStore } from '../../oauth/oauth-flow-store';
import { SessionService } from '../../sessions/session.service';
import { lockForSecondFactor, TwoFactorService } from '../../two-factor/two-factor.service';
import { accountUnavailable } from '../exchange-oauth-code/exchange-oauth-code.handler';
import { VerifyOAuthSecondFactorCommand } from './verify-oauth-second-factor.command';
import { withEmailPrompt } from '../../oauth/placeholder-email';

/**
 * Checks the second factor after an OAuth sign-in and starts the session. Wrong
 * codes count toward the account lock, as at password sign-in; the challenge
 * stays usable for a corrected code until it expires (5 min) or succeeds.
 */
@CommandHandler(VerifyOAuthSecondFactorCommand)
export class VerifyOAuthSecondFactorHandler implements ICommandHandler<
  VerifyOAuthSecondFactorCommand,
  TokenPair
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: OAuthFlowStore,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async execute(command: VerifyOAuthSecondFactorCommand): Promise<TokenPair> {
    const userId = await this.store.mfaChallengeUser(command.mfaChallenge);
    if (!userId) {
      throw Problem.unauthorized(
        'auth.invalid_mfa_challenge',
        'The challenge is invalid, expired or used; sign in again',
      );
    }
    const result = await this.uow.run(async (em, events): Promise<TokenPair | Problem> => {
      const user = await lockForSecondFactor(em, userId);
      if (accountRefusal(user, 'sign_in')) return accountUnavailable();
      const proved = await this.twoFactor.verify(em, events, user, command.code, 'oauth_login');
      if (proved instanceof Problem) return proved;
      user.recordLogin();
      return withEmailPrompt(user, await this.sessions.start(em, events, user, command.client));
    });
    if (result instanceof Problem) throw result;
    await this.store.dropMfaChallenge(command.mfaChallenge);
    return result;
  }
}
