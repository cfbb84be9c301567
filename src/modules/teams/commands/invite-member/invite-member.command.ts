import { Command } from '@nestjs/cqrs';
import type { TeamInvitationDto } from '../../dto/team-invitation.dto';
import type { TeamRole } from '../../entities/team-member.entity';

/** Invites an address (owner, admin); refused once members + pending invitations fill the seats. */
export class InviteMemberCommand extends Command<TeamInvitationDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly email: string,
    readonly role: Exclude<TeamRole, 'owner'>,
  ) {
    super();
  }
}
