import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TeamMemberListDto } from '../../dto/team-member.dto';
import { TeamAccess } from '../../team-access';
import { TeamMembers } from '../../team-members';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, TeamMemberListDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
    private readonly members: TeamMembers,
  ) {}

  async execute({ userId, teamId }: ListMembersQuery): Promise<TeamMemberListDto> {
    const em = this.em.fork();
    const { team } = await this.access.require(em, teamId, userId, 'read', 'TeamMember');
    return { items: await this.members.list(em, team) };
  }
}
