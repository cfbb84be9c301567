import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamTemplate } from '../../entities/team-template.entity';
import { TeamDocumentComment } from '../../entities/team-document-comment.entity';
import { TeamDocumentShare } from '../../entities/team-document-share.entity';
import { TeamInvitation } from '../../entities/team-invitation.entity';
import { TeamMember } from '../../entities/team-member.entity';
import { TeamDeleted } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { DeleteTeamCommand } from './delete-team.command';

@CommandHandler(DeleteTeamCommand)
export class DeleteTeamHandler implements ICommandHandler<DeleteTeamCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId }: DeleteTeamCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const { team } = await this.access.require(em, teamId, userId, 'delete', 'Team');
      await em.nativeDelete(TeamTemplate, { teamId });
      await em.nativeDelete(TeamDocumentComment, { teamId });
      await em.nativeDelete(TeamDocumentShare, { teamId });
      await em.nativeDelete(TeamInvitation, { teamId });
      await em.nativeDelete(TeamMember, { teamId });
      em.remove(team);
      events.record(new TeamDeleted(team.id, { ownerId: team.ownerId }));
    });
  }
}
