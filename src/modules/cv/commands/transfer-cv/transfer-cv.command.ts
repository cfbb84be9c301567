import { Command } from '@nestjs/cqrs';

/**
 * Hands `fromUserId`'s CV to `toUserId` (teams: a member's CV shared with the
 * team moves to the team's owner). Anyone else's CV is a 404.
 */
export class TransferCvCommand extends Command<void> {
  constructor(
    readonly cvId: string,
    readonly fromUserId: string,
    readonly toUserId: string,
  ) {
    super();
  }
}
