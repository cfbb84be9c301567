import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import type { TokenPair } from '../../dto/token-pair.dto';
import { accountRefusal } from '../../accounts/account-access';
import { User } from '../../entities/user.entity';
import { OAuthFlowStore } from '../../oauth/oauth-flow-store';
import { SessionService } from '../../sessions/session.service';
import { ExchangeOAuthCodeCommand } from './exchange-oauth-code.command';

const invalidCode = () =>
  Problem.unauthorized('auth.invalid_oauth_code', 'The sign-in code is invalid, expired or used');

const accountUnavailable = () =>
  Problem.unauthorized('auth.account_unavailable', 'This account is disabled or locked');

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
    const pair = await this.uow.run(async (em, events) => {
      const user = await em.findOne(User, userId);
      if (!user) return undefined;
      // Disabled or locked between the callback and this exchange.
      if (accountRefusal(user, 'sign_in')) throw accountUnavailable();
      user.recordLogin();
      return this.sessions.start(em, events, user, command.client);
    });
    if (!pair) throw invalidCode();
    return pair;
  }
}
