import { Command } from '@nestjs/cqrs';

/**
 * Cancels a pending change of address: either the old address's "this wasn't
 * me" link (`token`: also blocks new changes for EMAIL_CHANGE_LOCK_HOURS), or
 * the signed-in user withdrawing their own request (`userId`).
 */
export class CancelEmailChangeCommand extends Command<void> {
  constructor(readonly by: { token: string } | { userId: string }) {
    super();
  }
}
