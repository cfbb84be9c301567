import { Command } from '@nestjs/cqrs';
import type { TwoFactorSetupDto } from '../../dto/two-factor.dto';

/** Creates a new pending TOTP secret (replacing a pending one) while 2FA is off. */
export class SetUpTwoFactorCommand extends Command<TwoFactorSetupDto> {
  constructor(readonly userId: string) {
    super();
  }
}
