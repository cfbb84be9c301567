import { Command } from '@nestjs/cqrs';

/** Stores an email and schedules its delivery. Resolves to the message id. */
export class QueueEmailCommand extends Command<{ messageId: string }> {
  constructor(
    readonly to: string[],
    readonly subject: string,
    readonly html: string,
    readonly text: string,
    readonly template?: string,
  ) {
    super();
  }
}
