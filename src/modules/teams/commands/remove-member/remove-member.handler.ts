import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { MemberRemoved } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { TeamMembers } from '../../team-members';
import { teamsProblems } from '../../teams.problems';
import { RemoveMemberCommand } from './remove-member.command';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly members: TeamMembers,
  ) {}

  async execute({ userId, teamId, memberUserId }: RemoveMemberCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const leaving = userId === memberUserId;
      const membership = leaving
        ? await this.access.require(em, teamId, userId, 'leave', 'Team')
        : await this.access.member(em, teamId, userId);
      const target = leaving
        ? membership.member
        : await this.members.find(em, teamId, memberUserId);
      if (!leaving) await this.access.assertOnMember(em, membership, 'delete', target.role);
      if (target.role === 'owner') {
        throw teamsProblems.problem(
          'teams.last_owner',
          'The team’s only owner cannot leave or be removed; transfer ownership first.',
        );
      }
      em.remove(target);
      events.record(
        new MemberRemoved(teamId, { userId: memberUserId, reason: leaving ? 'left' : 'removed' }),
      );
    });
  }
}
