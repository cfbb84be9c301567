import { Command } from '@nestjs/cqrs';

/** Deletes a comment: its author, or an admin or the owner of the team. */
export class DeleteCommentCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly shareId: string,
    readonly commentId: string,
  ) {
    super();
  }
}
