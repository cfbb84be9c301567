import { Command } from '@nestjs/cqrs';

/** Worker side: settle a target whose create went out without a definite answer. */
export class ConfirmTargetCommand extends Command<'settled' | 'published' | 'unconfirmed'> {
  constructor(readonly targetId: string) {
    super();
  }
}
