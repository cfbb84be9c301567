import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import type { TeamMemberListDto } from '../../dto/team-member.dto';
import { TeamMember } from '../../entities/team-member.entity';
import { TeamAccess } from '../../team-access';
import { TeamMembers } from '../../team-members';
import { ListMembersQuery } from './list-members.query';

/** Keyset paging in join order (oldest first) on (joinedAt, id). */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, TeamMemberListDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
    private readonly members: TeamMembers,
  ) {}

  async execute({ userId, teamId, limit, cursor }: ListMembersQuery): Promise<TeamMemberListDto> {
    const em = this.em.fork();
    const { team } = await this.access.require(em, teamId, userId, 'read', 'TeamMember');
    const where: FilterQuery<TeamMember>[] = [{ teamId }];
    if (cursor) {
      const at = decodeCursor(cursor, { joinedAt: CURSOR_FIELD.isoDate, id: CURSOR_FIELD.uuid });
      const joinedAt = new Date(at.joinedAt);
      where.push({ $or: [{ joinedAt: { $gt: joinedAt } }, { joinedAt, id: { $gt: at.id } }] });
    }
    const rows = await em.find(
      TeamMember,
      { $and: where },
      { orderBy: { joinedAt: 'asc', id: 'asc' }, limit: limit + 1 },
    );
    const items = await this.members.list(em, team, rows.slice(0, limit));
    const page = cursorPage(
      rows,
      limit,
      (row) => row,
      (last) => ({ joinedAt: last.joinedAt.toISOString(), id: last.id }),
    );
    return { items, nextCursor: page.nextCursor };
  }
}
