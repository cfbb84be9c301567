import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';

export class DeleteJobAlertCommand extends Command<void> {
  constructor(
    readonly actor: Principal,
    readonly id: string,
  ) {
    super();
  }
}
