import { Command } from '@nestjs/cqrs';

/** Renders and stores a queued export. On its last attempt a retryable failure marks it failed too. */
export class RunExportCommand extends Command<void> {
  constructor(
    readonly exportId: string,
    readonly lastAttempt: boolean,
  ) {
    super();
  }
}
