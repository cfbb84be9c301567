import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamDocumentComment } from '../../entities/team-document-comment.entity';
import { TeamDocumentShare } from '../../entities/team-document-share.entity';
import { DocumentUnshared } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { teamsProblems } from '../../teams.problems';
import { UnshareDocumentCommand } from './unshare-document.command';

@CommandHandler(UnshareDocumentCommand)
export class UnshareDocumentHandler implements ICommandHandler<UnshareDocumentCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId, shareId }: UnshareDocumentCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const membership = await this.access.member(em, teamId, userId);
      const share = await em.findOne(TeamDocumentShare, { id: shareId, teamId });
      if (!share)
        throw teamsProblems.problem('teams.document_not_found', 'No such shared document.');
      if (share.sharedBy !== userId) {
        await this.access.require(em, teamId, userId, 'delete', 'TeamDocument');
      } else if (membership.frozen) {
        await this.access.require(em, teamId, userId, 'create', 'TeamDocument');
      }
      await em.nativeDelete(TeamDocumentComment, { shareId });
      em.remove(share);
      events.record(
        new DocumentUnshared(teamId, {
          shareId,
          documentType: share.documentType,
          documentId: share.documentId,
        }),
      );
    });
  }
}
