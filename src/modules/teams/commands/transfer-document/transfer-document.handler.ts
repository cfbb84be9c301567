import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { transferCoverLetter } from '../../../cover-letters';
import { CvHistory, cvQuotaFull, transferCv } from '../../../cv';
import { User } from '../../../identity';
import { TeamDocumentDto } from '../../dto/team-document.dto';
import { TeamDocumentShare } from '../../entities/team-document-share.entity';
import { DocumentTransferred } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { TeamDocuments } from '../../team-documents';
import { teamsProblems } from '../../teams.problems';
import { TransferDocumentCommand } from './transfer-document.command';

@CommandHandler(TransferDocumentCommand)
export class TransferDocumentHandler implements ICommandHandler<
  TransferDocumentCommand,
  TeamDocumentDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly documents: TeamDocuments,
    private readonly history: CvHistory,
  ) {}

  execute({ userId, teamId, shareId }: TransferDocumentCommand): Promise<TeamDocumentDto> {
    return this.uow.run(async (em, events) => {
      const { team } = await this.access.require(em, teamId, userId, 'create', 'TeamDocument');
      const share = await em.findOne(TeamDocumentShare, { id: shareId, teamId, sharedBy: userId });
      if (!share) {
        throw teamsProblems.problem('teams.document_not_found', 'No document you shared here.');
      }
      if (team.ownerId === userId) {
        throw teamsProblems.problem(
          'teams.transfer_not_possible',
          'The team’s owner already keeps what they share.',
        );
      }
      // One transaction: the document changes hands and the share names its new owner, or neither.
      if (share.documentType === 'cv') {
        await this.assertRoomForCv(em, team.ownerId);
        await transferCv(em, this.history, share.documentId, userId, team.ownerId);
      } else {
        await transferCoverLetter(em, share.documentId, userId, team.ownerId);
      }
      share.sharedBy = team.ownerId;
      events.record(
        new DocumentTransferred(teamId, {
          shareId,
          documentType: share.documentType,
          documentId: share.documentId,
          from: userId,
          to: team.ownerId,
        }),
      );
      const titles = await this.documents.titles(em, [share]);
      return TeamDocumentDto.from(
        share,
        titles.get(`${share.documentType}:${share.documentId}`) ?? '',
      );
    });
  }

  /** The CV counts against the quota of the plan of the team's owner, who owns it afterwards. */
  private async assertRoomForCv(em: EntityManager, ownerId: string): Promise<void> {
    const owner = await em.findOneOrFail(User, ownerId, { fields: ['tier'] });
    const full = await cvQuotaFull(em, { userId: ownerId, tier: owner.tier });
    if (!full) return;
    throw teamsProblems.problem(
      'teams.owner_quota_exceeded',
      `The team’s owner’s plan allows ${full.limit} CVs and they have as many; ` +
        'they delete one or upgrade before a CV can be handed over',
      { quota: 'cvs', ...full },
    );
  }
}
