import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { TeamInvitationDto } from '../../dto/team-invitation.dto';
import { TeamInvitation } from '../../entities/team-invitation.entity';
import { MemberInvited } from '../../events/teams.events';
import { INVITATION_TTL_DAYS, InvitationMail, newInvitationToken } from '../../invitation-mail';
import { TeamAccess } from '../../team-access';
import { teamsProblems } from '../../teams.problems';
import { ResendInvitationCommand } from './resend-invitation.command';

const DAY_MS = 86_400_000;

@CommandHandler(ResendInvitationCommand)
export class ResendInvitationHandler implements ICommandHandler<
  ResendInvitationCommand,
  TeamInvitationDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly mail: InvitationMail,
  ) {}

  execute({ userId, teamId, invitationId }: ResendInvitationCommand): Promise<TeamInvitationDto> {
    return this.uow.run(async (em, events) => {
      const { team } = await this.access.require(em, teamId, userId, 'update', 'TeamInvitation');
      const invitation = await em.findOne(TeamInvitation, { id: invitationId, teamId });
      if (!invitation || invitation.status !== 'pending') {
        throw teamsProblems.problem(
          'teams.invitation_not_found',
          'No pending invitation with this id.',
        );
      }
      const now = new Date();
      const { token, hash } = newInvitationToken();
      invitation.tokenHash = hash;
      invitation.expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS);
      await this.mail.queue(em, team, invitation, token);
      events.record(
        new MemberInvited(teamId, {
          invitationId,
          email: invitation.email,
          role: invitation.role,
          resent: true,
        }),
      );
      return TeamInvitationDto.from(invitation, now);
    });
  }
}
