import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import type { TeamMemberDto } from '../../dto/team-member.dto';
import { MemberRoleChanged } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { TeamMembers } from '../../team-members';
import { teamsProblems } from '../../teams.problems';
import { ChangeMemberRoleCommand } from './change-member-role.command';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<
  ChangeMemberRoleCommand,
  TeamMemberDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly members: TeamMembers,
  ) {}

  execute({ userId, teamId, memberUserId, role }: ChangeMemberRoleCommand): Promise<TeamMemberDto> {
    return this.uow.run(async (em, events) => {
      const membership = await this.access.member(em, teamId, userId);
      const target = await this.members.find(em, teamId, memberUserId);
      await this.access.assertOnMember(em, membership, 'changeRole', target.role);
      if (target.role === 'owner') {
        throw teamsProblems.problem(
          'teams.last_owner',
          'The owner’s role changes only by transferring ownership.',
        );
      }
      if (target.role !== role) {
        events.record(
          new MemberRoleChanged(teamId, { userId: memberUserId, from: target.role, to: role }),
        );
        target.role = role;
      }
      await em.flush();
      return (await this.members.list(em, membership.team)).find((m) => m.userId === memberUserId)!;
    });
  }
}
