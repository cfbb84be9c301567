import { Command } from '@nestjs/cqrs';

/** Builds the ZIP of a queued export; `lastAttempt`: a failure now marks it failed. */
export class BuildDataExportCommand extends Command<void> {
  constructor(
    readonly exportId: string,
    readonly lastAttempt: boolean,
  ) {
    super();
  }
}
