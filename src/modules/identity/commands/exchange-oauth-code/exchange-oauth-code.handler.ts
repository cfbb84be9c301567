import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { accountRefusal } from '../../accounts/account-access';
import type { TokenPair } from '../../dto/token-pair.dto';
import { User } from '../../entities/user.entity';
import { OAuthFlowStore } from '../../oauth/oauth-flow-store';
import { SessionService } from '../../sessions/session.service';
import { ExchangeOAuthCodeCommand } from './exchange-oauth-code.command';
import { identityProblems } from '../../identity.problems';
import { withEmailPrompt } from '../../oauth/placeholder-email';

const invalidCode = () =>
  Problem.unauthorized('auth.invalid_oauth_code', 'The sign-in code is invalid, expired or used');

export const accountUnavailable = () =>
  Problem.unauthorized('auth.account_unavailable', 'This account is disabled or locked');

/**
 * Swaps the one-time code for a token pair. An account with 2FA on gets no
 * tokens yet: 401 `auth.mfa_required` with an `mfaChallenge` to send with the
 * code to POST /v1/auth/oauth/2fa, as a password sign-in would ask for `otp`.
 */
@CommandHandler(ExchangeOAuthCodeCommand)
export class ExchangeOAuthCodeHandler implements ICommandHandler<
  ExchangeOAuthCodeCommand,
  TokenPair
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: OAuthFlowStore,
    private readonly sessions: SessionService,
  ) {}

  async execute(command: ExchangeOAuthCodeCommand): Promise<TokenPair> {
    const userId = await this.store.takeLoginCode(command.code);
    if (!userId) throw invalidCode();
    const outcome = await this.uow.run(async (em, events) => {
      const user = await em.findOne(User, userId);
      if (!user) return undefined;
      // Disabled or locked between the callback and this exchange.
      if (accountRefusal(user, 'sign_in')) throw accountUnavailable();
      if (user.twoFactorEnabled) return 'mfa_required' as const;
      user.recordLogin();
      return withEmailPrompt(user, await this.sessions.start(em, events, user, command.client));
    });
    if (!outcome) throw invalidCode();
    if (outcome === 'mfa_required') {
      throw identityProblems.problem(
        'auth.mfa_required',
        'This account uses two-factor authentication: send `mfaChallenge` with the code from the authenticator app (or a recovery code) to POST /v1/auth/oauth/2fa',
        { mfaChallenge: await this.store.issueMfaChallenge(userId) },
      );
    }
    return outcome;
  }
}
