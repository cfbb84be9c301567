import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { TeamTemplate } from '../entities/team-template.entity';
import { TeamDocumentComment } from '../entities/team-document-comment.entity';
import { TeamDocumentShare } from '../entities/team-document-share.entity';
import { TeamInvitation } from '../entities/team-invitation.entity';
import { TeamMember } from '../entities/team-member.entity';
import { Team } from '../entities/team.entity';
import { DocumentUnshared, MemberRemoved, TeamDeleted } from '../events/teams.events';

/**
 * An erased account leaves every team: its shares end (the documents go with
 * the account, erased by their modules), and teams it owned are deleted with
 * their members, invitations and shares. Idempotent.
 */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseTeamsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em, events) => {
      await em.nativeDelete(TeamDocumentComment, { authorId: userId });
      for (const share of await em.find(TeamDocumentShare, { sharedBy: userId })) {
        events.record(
          new DocumentUnshared(share.teamId, {
            shareId: share.id,
            documentType: share.documentType,
            documentId: share.documentId,
          }),
        );
        await em.nativeDelete(TeamDocumentComment, { shareId: share.id });
        em.remove(share);
      }
      for (const team of await em.find(Team, { ownerId: userId })) {
        await em.nativeDelete(TeamTemplate, { teamId: team.id });
        await em.nativeDelete(TeamDocumentComment, { teamId: team.id });
        await em.nativeDelete(TeamDocumentShare, { teamId: team.id });
        await em.nativeDelete(TeamInvitation, { teamId: team.id });
        await em.nativeDelete(TeamMember, { teamId: team.id });
        events.record(new TeamDeleted(team.id, { ownerId: userId }));
        em.remove(team);
      }
      for (const member of await em.find(TeamMember, { userId })) {
        events.record(new MemberRemoved(member.teamId, { userId, reason: 'account_deleted' }));
        em.remove(member);
      }
      await em.nativeDelete(TeamInvitation, { invitedBy: userId, status: 'pending' });
    });
  }
}
