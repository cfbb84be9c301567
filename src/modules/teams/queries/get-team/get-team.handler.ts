import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TeamDto, type TeamDetailDto } from '../../dto/team.dto';
import { TeamAccess } from '../../team-access';
import { GetTeamQuery } from './get-team.query';

@QueryHandler(GetTeamQuery)
export class GetTeamHandler implements IQueryHandler<GetTeamQuery, TeamDetailDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId }: GetTeamQuery): Promise<TeamDetailDto> {
    const em = this.em.fork();
    const { team, member, frozen } = await this.access.require(em, teamId, userId, 'read', 'Team');
    const [limit, taken] = await Promise.all([
      this.access.seats.limitFor(em, team.ownerId),
      this.access.seats.taken(em, team.id),
    ]);
    return { ...TeamDto.from(team, member.role, frozen), seats: limit.seats, seatsTaken: taken };
  }
}
