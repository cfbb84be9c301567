import { Command } from '@nestjs/cqrs';

/** Ends a share: by the member who shared it, or an admin or the owner of the team. */
export class UnshareDocumentCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly shareId: string,
  ) {
    super();
  }
}
