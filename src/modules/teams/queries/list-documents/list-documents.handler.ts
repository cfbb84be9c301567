import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
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

  async execute({ userId, teamId }: ListDocumentsQuery): Promise<TeamDocumentListDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamDocument');
    const shares = await em.find(
      TeamDocumentShare,
      { teamId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    const titles = await this.documents.titles(em, shares);
    return {
      items: shares
        .filter((s) => titles.has(`${s.documentType}:${s.documentId}`))
        .map((s) => TeamDocumentDto.from(s, titles.get(`${s.documentType}:${s.documentId}`)!)),
    };
  }
}
