import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamInvitation } from '../../entities/team-invitation.entity';
import { InvitationRevoked } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { teamsProblems } from '../../teams.problems';
import { RevokeInvitationCommand } from './revoke-invitation.command';

@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId, invitationId }: RevokeInvitationCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      await this.access.require(em, teamId, userId, 'delete', 'TeamInvitation');
      const invitation = await em.findOne(TeamInvitation, { id: invitationId, teamId });
      if (!invitation || invitation.status !== 'pending') {
        throw teamsProblems.problem(
          'teams.invitation_not_found',
          'No pending invitation with this id.',
        );
      }
      invitation.status = 'revoked';
      invitation.respondedAt = new Date();
      events.record(new InvitationRevoked(teamId, { invitationId }));
    });
  }
}
