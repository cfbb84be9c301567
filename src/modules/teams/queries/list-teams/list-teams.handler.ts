import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { TeamDto, type TeamPageDto } from '../../dto/team.dto';
import { TeamMember } from '../../entities/team-member.entity';
import { Team } from '../../entities/team.entity';
import { TeamSeats } from '../../team-seats';
import { ListTeamsQuery } from './list-teams.query';

@QueryHandler(ListTeamsQuery)
export class ListTeamsHandler implements IQueryHandler<ListTeamsQuery, TeamPageDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly seats: TeamSeats,
  ) {}

  async execute({ userId, limit, cursor }: ListTeamsQuery): Promise<TeamPageDto> {
    const em = this.em.fork();
    const where: FilterQuery<TeamMember>[] = [{ userId }];
    if (cursor) {
      const at = decodeCursor(cursor, { joinedAt: CURSOR_FIELD.isoDate, id: CURSOR_FIELD.uuid });
      const joinedAt = new Date(at.joinedAt);
      where.push({ $or: [{ joinedAt: { $lt: joinedAt } }, { joinedAt, id: { $lt: at.id } }] });
    }
    const members = await em.find(
      TeamMember,
      { $and: where },
      { orderBy: { joinedAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
    const teams = new Map(
      (await em.find(Team, { id: { $in: members.map((m) => m.teamId) } })).map((t) => [t.id, t]),
    );
    const frozen = new Map<string, boolean>();
    for (const member of members.slice(0, limit)) {
      const team = teams.get(member.teamId)!;
      frozen.set(team.id, (await this.seats.frozenUserIds(em, team)).has(userId));
    }
    return cursorPage(
      members,
      limit,
      (member) => TeamDto.from(teams.get(member.teamId)!, member.role, frozen.get(member.teamId)!),
      (last) => ({ joinedAt: last.joinedAt.toISOString(), id: last.id }),
    );
  }
}
