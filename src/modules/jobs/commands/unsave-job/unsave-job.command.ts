import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';

export class UnsaveJobCommand extends Command<void> {
  constructor(
    readonly actor: Principal,
    readonly jobId: string,
  ) {
    super();
  }
}
