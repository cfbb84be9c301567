import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { PasswordHasher } from '../../password-hasher';
import { twoFactorProblems } from '../../two-factor/two-factor.problems';
import { lockForSecondFactor, TwoFactorService } from '../../two-factor/two-factor.service';
import { DisableTwoFactorCommand } from './disable-two-factor.command';

@CommandHandler(DisableTwoFactorCommand)
export class DisableTwoFactorHandler implements ICommandHandler<DisableTwoFactorCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async execute({ userId, password, code }: DisableTwoFactorCommand): Promise<void> {
    // A wrong code is returned, not thrown, so that its security event commits.
    const refusal = await this.uow.run(async (em, events): Promise<Problem | undefined> => {
      const user = await lockForSecondFactor(em, userId);
      if (!user.twoFactorEnabled) throw twoFactorProblems.notEnabled();
      if (!(await this.hasher.verify(password, user.passwordHash)))
        throw twoFactorProblems.invalidPassword();
      const provedWith = await this.twoFactor.verify(em, events, user, code, 'disable');
      if (provedWith instanceof Problem) return provedWith;
      user.disableTwoFactor(provedWith);
      return undefined;
    });
    if (refusal) throw refusal;
  }
}
