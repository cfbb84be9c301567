import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../entities/user.entity';
import { LoginFailed } from '../../events/identity.events';
import { PasswordHasher } from '../../password-hasher';
import { TokenService } from '../../token.service';
import type { TokenPair } from '../../dto/token-pair.dto';
import { LoginCommand } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, TokenPair> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async execute(command: LoginCommand): Promise<TokenPair> {
    const user = await this.uow.run(async (em, events) => {
      const found = await em.findOne(
        User,
        { email: command.email.trim().toLowerCase() },
        { populate: ['passwordHash'] },
      );
      const valid = await this.hasher.verify(command.password, found?.passwordHash);
      if (!found || !valid) {
        events.record(new LoginFailed(command.ip, { reason: 'invalid_credentials' }));
        return undefined;
      }
      found.recordLogin();
      return found;
    });
    if (!user) {
      throw Problem.unauthorized('auth.invalid_credentials', 'Email or password is incorrect');
    }
    const access = await this.tokens.issueAccessToken(user);
    return { accessToken: access.token, expiresIn: access.expiresIn, tokenType: 'Bearer' };
  }
}
