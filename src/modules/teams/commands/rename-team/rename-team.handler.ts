import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamDto } from '../../dto/team.dto';
import { TeamRenamed } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { RenameTeamCommand } from './rename-team.command';

@CommandHandler(RenameTeamCommand)
export class RenameTeamHandler implements ICommandHandler<RenameTeamCommand, TeamDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  execute({ userId, teamId, name }: RenameTeamCommand): Promise<TeamDto> {
    return this.uow.run(async (em, events) => {
      const { team, member, frozen } = await this.access.require(
        em,
        teamId,
        userId,
        'update',
        'Team',
      );
      if (team.name !== name.trim()) {
        team.name = name.trim();
        team.updatedAt = new Date();
        events.record(new TeamRenamed(team.id, { name: team.name }));
      }
      return TeamDto.from(team, member.role, frozen);
    });
  }
}
