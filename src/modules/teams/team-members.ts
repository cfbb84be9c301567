import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../identity';
import type { TeamMemberDto } from './dto/team-member.dto';
import type { Team } from './entities/team.entity';
import { TeamMember } from './entities/team-member.entity';
import { TeamSeats } from './team-seats';
import { teamsProblems } from './teams.problems';

/** Members as the API shows them: with name, address and whether they are frozen. */
@Injectable()
export class TeamMembers {
  constructor(private readonly seats: TeamSeats) {}

  async find(em: EntityManager, teamId: string, userId: string): Promise<TeamMember> {
    const member = await em.findOne(TeamMember, { teamId, userId });
    if (!member) throw teamsProblems.problem('teams.member_not_found', 'No such member.');
    return member;
  }

  /** The given members of `team` (all of them when omitted, in join order) as the API shows them. */
  async list(em: EntityManager, team: Team, rows?: TeamMember[]): Promise<TeamMemberDto[]> {
    const members =
      rows ??
      (await em.find(TeamMember, { teamId: team.id }, { orderBy: { joinedAt: 'asc', id: 'asc' } }));
    const users = await em.find(
      User,
      { id: { $in: members.map((m) => m.userId) } },
      { fields: ['name', 'email'] },
    );
    const byId = new Map(users.map((u) => [u.id, u]));
    const frozen = await this.seats.frozenUserIds(em, team);
    return members.map((m) => ({
      userId: m.userId,
      name: byId.get(m.userId)?.name ?? '',
      email: byId.get(m.userId)?.email ?? '',
      role: m.role,
      frozen: frozen.has(m.userId),
      joinedAt: m.joinedAt.toISOString(),
    }));
  }
}
