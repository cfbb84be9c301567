import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamDocumentDto } from '../../dto/team-document.dto';
import { TeamDocumentShare } from '../../entities/team-document-share.entity';
import { DocumentShared } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { TeamDocuments } from '../../team-documents';
import { teamsProblems } from '../../teams.problems';
import { ShareDocumentCommand } from './share-document.command';

@CommandHandler(ShareDocumentCommand)
export class ShareDocumentHandler implements ICommandHandler<
  ShareDocumentCommand,
  TeamDocumentDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly documents: TeamDocuments,
  ) {}

  async execute({
    actor,
    teamId,
    documentType,
    documentId,
    permission,
  }: ShareDocumentCommand): Promise<TeamDocumentDto> {
    try {
      return await this.uow.run(async (em, events) => {
        await this.access.require(em, teamId, actor.userId, 'create', 'TeamDocument');
        const title = await this.documents.ownTitle(em, actor, documentType, documentId);
        const share = em.create(TeamDocumentShare, {
          teamId,
          documentType,
          documentId,
          sharedBy: actor.userId,
          permission,
          createdAt: new Date(),
        });
        events.record(
          new DocumentShared(teamId, { shareId: share.id, documentType, documentId, permission }),
        );
        await em.flush();
        return TeamDocumentDto.from(share, title);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw teamsProblems.problem('teams.already_shared', 'Already shared with this team.');
      }
      throw error;
    }
  }
}
