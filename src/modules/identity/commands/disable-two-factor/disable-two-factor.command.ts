import { Command } from '@nestjs/cqrs';

/** Turns 2FA off; needs the password and a current TOTP or recovery code. */
export class DisableTwoFactorCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly code: string,
  ) {
    super();
  }
}
