import { Command } from '@nestjs/cqrs';
import type { TeamMemberDto } from '../../dto/team-member.dto';
import type { TeamRole } from '../../entities/team-member.entity';

/** Makes a member an admin or a plain member (owner). The owner's role moves only by transfer. */
export class ChangeMemberRoleCommand extends Command<TeamMemberDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly memberUserId: string,
    readonly role: Exclude<TeamRole, 'owner'>,
  ) {
    super();
  }
}
