import { Command } from '@nestjs/cqrs';

/**
 * Removes a member (owner; admins remove plain members) or, when the member is
 * the caller, leaves. The owner can do neither: 409 `teams.last_owner`.
 * Access to the team's documents ends with the row: nothing is cached.
 */
export class RemoveMemberCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly memberUserId: string,
  ) {
    super();
  }
}
