import { Command } from '@nestjs/cqrs';
import type { TeamDto } from '../../dto/team.dto';

/**
 * The invitee answers with the link's token: only the signed-in account whose
 * address the invitation was sent to; accepting makes them a member.
 */
export class RespondInvitationCommand extends Command<TeamDto | null> {
  constructor(
    readonly userId: string,
    readonly token: string,
    readonly answer: 'accept' | 'decline',
  ) {
    super();
  }
}
