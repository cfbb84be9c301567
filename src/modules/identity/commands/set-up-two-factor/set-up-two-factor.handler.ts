import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import type { TwoFactorSetupDto } from '../../dto/two-factor.dto';
import { twoFactorProblems } from '../../two-factor/two-factor.problems';
import { lockForSecondFactor, TwoFactorService } from '../../two-factor/two-factor.service';
import { SetUpTwoFactorCommand } from './set-up-two-factor.command';

@CommandHandler(SetUpTwoFactorCommand)
export class SetUpTwoFactorHandler implements ICommandHandler<
  SetUpTwoFactorCommand,
  TwoFactorSetupDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly twoFactor: TwoFactorService,
  ) {}

  execute({ userId }: SetUpTwoFactorCommand): Promise<TwoFactorSetupDto> {
    return this.uow.run(async (em) => {
      const user = await lockForSecondFactor(em, userId);
      if (user.twoFactorEnabled) throw twoFactorProblems.alreadyEnabled();
      const enrollment = await this.twoFactor.enroll(user);
      user.startTwoFactorSetup(enrollment.sealedSecret);
      return {
        secret: enrollment.secret,
        otpauthUrl: enrollment.otpauthUrl,
        qrCodeDataUrl: enrollment.qrCodeDataUrl,
      };
    });
  }
}
