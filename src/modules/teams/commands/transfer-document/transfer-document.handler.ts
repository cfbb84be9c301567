import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TransferCvCommand } from '../../../cv';
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
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly documents: TeamDocuments,
    private readonly commands: CommandBus,
  ) {}

  async execute({ userId, teamId, shareId }: TransferDocumentCommand): Promise<TeamDocumentDto> {
    const em = this.em.fork();
    const { team } = await this.access.require(em, teamId, userId, 'create', 'TeamDocument');
    const share = await em.findOne(TeamDocumentShare, { id: shareId, teamId, sharedBy: userId });
    if (!share) {
      throw teamsProblems.problem('teams.document_not_found', 'No document you shared here.');
    }
    if (share.documentType !== 'cv' || team.ownerId === userId) {
      throw teamsProblems.problem(
        'teams.transfer_not_possible',
        team.ownerId === userId
          ? 'The team’s owner already keeps what they share.'
          : 'Only CVs can be handed to the team.',
      );
    }
    // The CV moves first (its module's own transaction); the share then names its new owner.
    await this.commands.execute(new TransferCvCommand(share.documentId, userId, team.ownerId));
    return this.uow.run(async (tx, events) => {
      const row = await tx.findOneOrFail(TeamDocumentShare, shareId);
      row.sharedBy = team.ownerId;
      events.record(
        new DocumentTransferred(teamId, {
          shareId,
          documentType: row.documentType,
          documentId: row.documentId,
          from: userId,
          to: team.ownerId,
        }),
      );
      const titles = await this.documents.titles(tx, [row]);
      return TeamDocumentDto.from(row, titles.get(`cv:${row.documentId}`) ?? '');
    });
  }
}
