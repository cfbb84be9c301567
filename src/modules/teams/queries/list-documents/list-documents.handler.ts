import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { TeamDocumentDto, type TeamDocumentListDto } from '../../dto/team-document.dto';
import { TeamDocumentShare } from '../../entities/team-document-share.entity';
import { TeamAccess } from '../../team-access';
import { TeamDocuments } from '../../team-documents';
import { ListDocumentsQuery } from './list-documents.query';

@QueryHandler(ListDocumentsQuery)
export class ListDocumentsHandler implements IQueryHandler<
  ListDocumentsQuery,
  TeamDocumentListDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TeamAccess,
    private readonly documents: TeamDocuments,
  ) {}

  /**
   * Newest share first. Shares of deleted documents are left out of a page (which may then hold
   * fewer than `limit` items); `nextCursor` still moves past them.
   */
  async execute({
    userId,
    teamId,
    limit,
    cursor,
  }: ListDocumentsQuery): Promise<TeamDocumentListDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamDocument');
    const where: FilterQuery<TeamDocumentShare>[] = [{ teamId }];
    if (cursor) where.push(newestFirst.after<TeamDocumentShare>(cursor));
    const shares = await em.find(
      TeamDocumentShare,
      { $and: where },
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    const titles = await this.documents.titles(em, shares.slice(0, limit));
    const titleOf = (s: TeamDocumentShare) => titles.get(`${s.documentType}:${s.documentId}`);
    const page = cursorPage(shares, limit, (s) => s, newestFirst.position);
    return {
      items: page.items
        .filter((s) => titleOf(s) !== undefined)
        .map((s) => TeamDocumentDto.from(s, titleOf(s)!)),
      nextCursor: page.nextCursor,
    };
  }
}
