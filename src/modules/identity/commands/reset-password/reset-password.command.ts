import { Command } from '@nestjs/cqrs';

/** What else a password reset may clean up, for an owner who thinks someone got in. */
export interface ResetCleanup {
  /** Unlink every sign-in provider. */
  unlinkIdentities?: boolean;
  /** Revoke every API key. */
  revokeApiKeys?: boolean;
}

export class ResetPasswordCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly cleanup: ResetCleanup = {},
  ) {
    super();
  }
}
