import { Command } from '@nestjs/cqrs';

/**
 * Stores an email and schedules its delivery. Resolves to the message id.
 * `messageId` makes it idempotent (e.g. an event handler passing its event id):
 * a message that already exists under that id is not queued again.
 */
export class QueueEmailCommand extends Command<{ messageId: string }> {
  constructor(
    readonly to: string[],
    readonly subject: string,
    readonly html: string,
    readonly text: string,
    readonly template?: string,
    readonly messageId?: string,
  ) {
    super();
  }
}
