import { Command } from '@nestjs/cqrs';

/** Takes an address off the suppression list (by suppression id or by address). */
export class ClearSuppressionCommand extends Command<void> {
  constructor(readonly key: { id: string } | { email: string }) {
    super();
  }
}
