import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
