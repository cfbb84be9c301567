import { Command } from '@nestjs/cqrs';
import type { TokenPair } from '../../dto/token-pair.dto';

export class LoginCommand extends Command<TokenPair> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly ip: string,
    readonly userAgent?: string,
    /** A TOTP or recovery code, for accounts with two-factor authentication on. */
    readonly otp?: string,
  ) {
    super();
  }
}
