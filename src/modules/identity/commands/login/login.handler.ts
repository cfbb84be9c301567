import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../entities/user.entity';
import { LoginFailed } from '../../events/identity.events';
import { PasswordHasher } from '../../password-hasher';
import { SessionService } from '../../sessions/session.service';
import { TwoFactorService } from '../../two-factor/two-factor.service';
import type { TokenPair } from '../../dto/token-pair.dto';
import { LoginCommand } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, TokenPair> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async execute(command: LoginCommand): Promise<TokenPair> {
    const pair = await this.uow.run(async (em, events) => {
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
      const mfaRefusal = await this.twoFactor.refuseLogin(em, events, found, command.otp);
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
