import { Command } from '@nestjs/cqrs';
import type { TeamInvitationDto } from '../../dto/team-invitation.dto';

/** Sends a pending (or expired) invitation again with a new link and a new expiry; the old link stops working. */
export class ResendInvitationCommand extends Command<TeamInvitationDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly invitationId: string,
  ) {
    super();
  }
}
