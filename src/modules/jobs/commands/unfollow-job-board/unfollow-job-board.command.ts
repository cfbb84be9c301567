import { Command } from '@nestjs/cqrs';

/** An admin stops following a board they (or another admin) added. */
export class UnfollowJobBoardCommand extends Command<void> {
  constructor(
    readonly source: string,
    readonly token: string,
  ) {
    super();
  }
}
