import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamDto } from '../../dto/team.dto';
import { Team } from '../../entities/team.entity';
import { TeamMember } from '../../entities/team-member.entity';
import { TeamCreated } from '../../events/teams.events';
import { CreateTeamCommand } from './create-team.command';

@CommandHandler(CreateTeamCommand)
export class CreateTeamHandler implements ICommandHandler<CreateTeamCommand, TeamDto> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ userId, name }: CreateTeamCommand): Promise<TeamDto> {
    return this.uow.run(async (em, events) => {
      const now = new Date();
      const team = em.create(Team, {
        name: name.trim(),
        ownerId: userId,
        createdAt: now,
        updatedAt: now,
      });
      em.create(TeamMember, { teamId: team.id, userId, role: 'owner', joinedAt: now });
      events.record(new TeamCreated(team.id, { name: team.name, ownerId: userId }));
      await em.flush();
      return TeamDto.from(team, 'owner', false);
    });
  }
}
