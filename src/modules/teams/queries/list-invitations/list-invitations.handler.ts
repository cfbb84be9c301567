import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { TeamInvitationDto, type TeamInvitationPageDto } from '../../dto/team-invitation.dto';
import { TeamInvitation } from '../../entities/team-invitation.entity';
import { TeamAccess } from '../../team-access';
import { ListInvitationsQuery } from './list-invitations.query';

@QueryHandler(ListInvitationsQuery)
export class ListInvitationsHandler implements IQueryHandler<
  ListInvitationsQuery,
  TeamInvitationPageDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
  ) {}

  async execute({
    userId,
    teamId,
    limit,
    cursor,
  }: ListInvitationsQuery): Promise<TeamInvitationPageDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamInvitation');
    const where: FilterQuery<TeamInvitation>[] = [{ teamId }];
    if (cursor) where.push(newestFirst.after<TeamInvitation>(cursor));
    const rows = await em.find(
      TeamInvitation,
      { $and: where },
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    const now = new Date();
    return cursorPage(rows, limit, (row) => TeamInvitationDto.from(row, now), newestFirst.position);
  }
}
