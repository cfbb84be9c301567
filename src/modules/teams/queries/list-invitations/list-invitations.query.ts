import { Query } from '@nestjs/cqrs';
import type { TeamInvitationPageDto } from '../../dto/team-invitation.dto';

/** The team's invitations, newest first (owner, admin). */
export class ListInvitationsQuery extends Query<TeamInvitationPageDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
