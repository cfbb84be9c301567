import { Command } from '@nestjs/cqrs';

export type PublishOutcome = 'skipped' | 'published' | 'failed' | 'unconfirmed';

/** Worker side: publish one target at its scheduled time, at most once. */
export class PublishTargetCommand extends Command<PublishOutcome> {
  constructor(
    readonly targetId: string,
    readonly scheduledAt: Date,
  ) {
    super();
  }
}
