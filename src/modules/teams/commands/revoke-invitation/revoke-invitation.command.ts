import { Command } from '@nestjs/cqrs';

/** Revokes a pending invitation: its link stops working at once. */
export class RevokeInvitationCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly invitationId: string,
  ) {
    super();
  }
}
