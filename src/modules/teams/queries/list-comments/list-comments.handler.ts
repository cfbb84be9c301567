import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { TeamCommentDto, type TeamCommentPageDto } from '../../dto/team-comment.dto';
import { TeamDocumentComment } from '../../entities/team-document-comment.entity';
import { TeamAccess } from '../../team-access';
import { ListCommentsQuery } from './list-comments.query';

@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<ListCommentsQuery, TeamCommentPageDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
  ) {}

  async execute({
    userId,
    teamId,
    shareId,
    limit,
    cursor,
  }: ListCommentsQuery): Promise<TeamCommentPageDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamDocument');
    await this.access.share(em, teamId, shareId);
    const where: FilterQuery<TeamDocumentComment>[] = [{ shareId }];
    if (cursor) {
      const at = decodeCursor(cursor, { createdAt: CURSOR_FIELD.isoDate, id: CURSOR_FIELD.uuid });
      const createdAt = new Date(at.createdAt);
      where.push({ $or: [{ createdAt: { $gt: createdAt } }, { createdAt, id: { $gt: at.id } }] });
    }
    const rows = await em.find(
      TeamDocumentComment,
      { $and: where },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: limit + 1 },
    );
    return cursorPage(
      rows,
      limit,
      (row) => TeamCommentDto.from(row),
      (last) => ({
        createdAt: last.createdAt.toISOString(),
        id: last.id,
      }),
    );
  }
}
