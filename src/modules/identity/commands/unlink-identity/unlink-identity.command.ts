import { Command } from '@nestjs/cqrs';

export class UnlinkIdentityCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly provider: string,
  ) {
    super();
  }
}
