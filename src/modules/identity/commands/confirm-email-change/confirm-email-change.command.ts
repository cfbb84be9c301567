import { Command } from '@nestjs/cqrs';

/** The new address's link: makes the change. */
export class ConfirmEmailChangeCommand extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
