import { Command } from '@nestjs/cqrs';
import type { RecoveryCodesDto } from '../../dto/two-factor.dto';

/** Turns 2FA on once a code proves the authenticator app holds the pending secret. */
export class EnableTwoFactorCommand extends Command<RecoveryCodesDto> {
  constructor(
    readonly userId: string,
    readonly otp: string,
  ) {
    super();
  }
}
