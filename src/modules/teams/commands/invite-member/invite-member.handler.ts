import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../../identity';
import { TeamInvitationDto } from '../../dto/team-invitation.dto';
import { TeamInvitation } from '../../entities/team-invitation.entity';
import { TeamMember } from '../../entities/team-member.entity';
import { MemberInvited } from '../../events/teams.events';
import { INVITATION_TTL_DAYS, InvitationMail, newInvitationToken } from '../../invitation-mail';
import { TeamAccess } from '../../team-access';
import { teamsProblems } from '../../teams.problems';
import { InviteMemberCommand } from './invite-member.command';

const DAY_MS = 86_400_000;

@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler implements ICommandHandler<
  InviteMemberCommand,
  TeamInvitationDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: TeamAccess,
    private readonly mail: InvitationMail,
  ) {}

  execute({ userId, teamId, email, role }: InviteMemberCommand): Promise<TeamInvitationDto> {
    const address = email.trim().toLowerCase();
    return this.uow.run(async (em, events) => {
      const { team } = await this.access.require(em, teamId, userId, 'create', 'TeamInvitation');
      // One team's invitations and joins count seats one after another.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`team-seats:${teamId}`]);
      const existing = await em.findOne(User, { email: address }, { fields: ['id'] });
      if (existing && (await em.count(TeamMember, { teamId, userId: existing.id }))) {
        throw teamsProblems.problem('teams.already_member', `${address} is already a member.`);
      }
      const now = new Date();
      const pending = await em.count(TeamInvitation, {
        teamId,
        email: address,
        status: 'pending',
        expiresAt: { $gt: now },
      });
      if (pending) {
        throw teamsProblems.problem(
          'teams.invitation_pending',
          `${address} has a pending invitation; resend or revoke it.`,
        );
      }
      const limit = await this.access.seats.limitFor(em, team.ownerId);
      const taken = await this.access.seats.taken(em, teamId, now);
      if (taken >= limit.seats) {
        throw teamsProblems.problem(
          'teams.seat_limit_reached',
          limit.teamPlan
            ? `All ${limit.seats} seats are taken by members and pending invitations; add a seat (PATCH /v1/teams/${teamId}/seats).`
            : `The owner’s plan no longer includes teams; the premium plan lifts the limit.`,
          {
            seats: limit.seats,
            seatsTaken: taken,
            requiredSeats: taken + 1,
            ...(limit.teamPlan ? {} : { requiredPlan: 'premium' }),
          },
        );
      }
      const { token, hash } = newInvitationToken();
      const invitation = em.create(TeamInvitation, {
        teamId,
        email: address,
        role,
        tokenHash: hash,
        invitedBy: userId,
        status: 'pending',
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
        createdAt: now,
      });
      await this.mail.queue(em, team, invitation, token);
      events.record(
        new MemberInvited(teamId, {
          invitationId: invitation.id,
          email: address,
          role,
          resent: false,
        }),
      );
      await em.flush();
      return TeamInvitationDto.from(invitation, now);
    });
  }
}
