import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamDto } from '../../dto/team.dto';
import { OwnershipTransferred } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { TeamMembers } from '../../team-members';
import { TransferOwnershipCommand } from './transfer-ownership.command';

/** The seats then come from the new owner's subscription. */
@CommandHandler(TransferOwnershipCommand)
export class TransferOwnershipHandler implements ICommandHandler<
  TransferOwnershipCommand,
  TeamDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly members: TeamMembers,
  ) {}

  execute({ userId, teamId, newOwnerId }: TransferOwnershipCommand): Promise<TeamDto> {
    return this.uow.run(async (em, events) => {
      const { team, member } = await this.access.require(em, teamId, userId, 'transfer', 'Team');
      const target = await this.members.find(em, teamId, newOwnerId);
      if (target.userId !== member.userId) {
        member.role = 'admin';
        target.role = 'owner';
        team.ownerId = target.userId;
        team.updatedAt = new Date();
        events.record(new OwnershipTransferred(teamId, { from: userId, to: newOwnerId }));
      }
      await em.flush();
      const frozen = (await this.access.seats.frozenUserIds(em, team)).has(userId);
      return TeamDto.from(team, member.role, frozen);
    });
  }
}
