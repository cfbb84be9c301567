import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../../identity';
import { TeamDto } from '../../dto/team.dto';
import { TeamInvitation } from '../../entities/team-invitation.entity';
import { TeamMember } from '../../entities/team-member.entity';
import { Team } from '../../entities/team.entity';
import { InvitationDeclined, MemberJoined } from '../../events/teams.events';
import { hashInvitationToken } from '../../invitation-mail';
import { TeamSeats } from '../../team-seats';
import { teamsProblems } from '../../teams.problems';
import { RespondInvitationCommand } from './respond-invitation.command';

@CommandHandler(RespondInvitationCommand)
export class RespondInvitationHandler implements ICommandHandler<
  RespondInvitationCommand,
  TeamDto | null
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly seats: TeamSeats,
  ) {}

  execute({ userId, token, answer }: RespondInvitationCommand): Promise<TeamDto | null> {
    return this.uow.run(async (em, events) => {
      const invitation = await em.findOne(
        TeamInvitation,
        { tokenHash: hashInvitationToken(token) },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const team = invitation && (await em.findOne(Team, invitation.teamId));
      if (!invitation || !team || invitation.status !== 'pending') {
        throw teamsProblems.problem(
          'teams.invitation_invalid',
          'This invitation link is not valid.',
        );
      }
      if (invitation.expiresAt <= new Date()) {
        throw teamsProblems.problem('teams.invitation_expired', 'This invitation link expired.');
      }
      const user = await em.findOne(User, userId, { fields: ['email'] });
      if (!user || user.email.toLowerCase() !== invitation.email) {
        throw teamsProblems.problem(
          'teams.invitation_email_mismatch',
          'This invitation was sent to another address; sign in with that account.',
        );
      }
      invitation.respondedAt = new Date();
      if (answer === 'decline') {
        invitation.status = 'declined';
        events.record(new InvitationDeclined(team.id, { invitationId: invitation.id, userId }));
        return null;
      }
      invitation.status = 'accepted';
      let member = await em.findOne(TeamMember, { teamId: team.id, userId });
      if (!member) {
        member = em.create(TeamMember, {
          teamId: team.id,
          userId,
          role: invitation.role,
          joinedAt: new Date(),
        });
        events.record(
          new MemberJoined(team.id, { invitationId: invitation.id, userId, role: invitation.role }),
        );
      }
      await em.flush();
      const frozen = (await this.seats.frozenUserIds(em, team)).has(userId);
      return TeamDto.from(team, member.role, frozen);
    });
  }
}
