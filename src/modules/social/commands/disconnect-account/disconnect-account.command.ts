import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';

export class DisconnectAccountCommand extends Command<void> {
  constructor(
    readonly actor: Principal,
    readonly accountId: string,
  ) {
    super();
  }
}
