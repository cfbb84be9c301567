import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import type { RecoveryCodesDto } from '../../dto/two-factor.dto';
import { twoFactorProblems } from '../../two-factor/two-factor.problems';
import { lockForSecondFactor, TwoFactorService } from '../../two-factor/two-factor.service';
import { EnableTwoFactorCommand } from './enable-two-factor.command';

@CommandHandler(EnableTwoFactorCommand)
export class EnableTwoFactorHandler implements ICommandHandler<
  EnableTwoFactorCommand,
  RecoveryCodesDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly twoFactor: TwoFactorService,
  ) {}

  execute({ userId, otp }: EnableTwoFactorCommand): Promise<RecoveryCodesDto> {
    return this.uow.run(async (em) => {
      const user = await lockForSecondFactor(em, userId);
      if (user.twoFactorEnabled) throw twoFactorProblems.alreadyEnabled();
      if (!user.totpSecretSealed) throw twoFactorProblems.setupRequired();
      const step = await this.twoFactor.totpStep(user, otp);
      if (step === null) throw twoFactorProblems.invalidSetupOtp();
      const recovery = this.twoFactor.newRecoveryCodes();
      user.enableTwoFactor(step, recovery.hashes);
      return { recoveryCodes: recovery.codes };
    });
  }
}
