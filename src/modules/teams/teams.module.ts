import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { COVER_LETTER_TEAM_ACCESS } from '../cover-letters';
import { CV_TEAM_ACCESS, CvHistory } from '../cv';
import { TransferDocumentHandler } from './commands/transfer-document/transfer-document.handler';
import { ChangeSeatsHandler } from './commands/change-seats/change-seats.handler';
import { ChangeMemberRoleHandler } from './commands/change-member-role/change-member-role.handler';
import { CreateTeamHandler } from './commands/create-team/create-team.handler';
import { DeleteTeamHandler } from './commands/delete-team/delete-team.handler';
import { InviteMemberHandler } from './commands/invite-member/invite-member.handler';
import { RemoveMemberHandler } from './commands/remove-member/remove-member.handler';
import { RenameTeamHandler } from './commands/rename-team/rename-team.handler';
import { ResendInvitationHandler } from './commands/resend-invitation/resend-invitation.handler';
import { RespondInvitationHandler } from './commands/respond-invitation/respond-invitation.handler';
import { RevokeInvitationHandler } from './commands/revoke-invitation/revoke-invitation.handler';
import { ShareDocumentHandler } from './commands/share-document/share-document.handler';
import { TransferOwnershipHandler } from './commands/transfer-ownership/transfer-ownership.handler';
import { UnshareDocumentHandler } from './commands/unshare-document/unshare-document.handler';
import { TeamDocumentAccess } from './document-access';
import { EraseTeamsOfDeletedUserHandler } from './event-handlers/erase-teams-of-deleted-user.handler';
import { InvitationMail } from './invitation-mail';
import { GetTeamHandler } from './queries/get-team/get-team.handler';
import { ListDocumentsHandler } from './queries/list-documents/list-documents.handler';
import { ListInvitationsHandler } from './queries/list-invitations/list-invitations.handler';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { ListTeamsHandler } from './queries/list-teams/list-teams.handler';
import { TeamAccess } from './team-access';
import { TeamDocuments } from './team-documents';
import { TeamInvitationsController } from './team-invitations.controller';
import { TeamMembers } from './team-members';
import { TeamSeats } from './team-seats';
import { TeamsDocumentsController } from './teams-documents.controller';
import { TeamsInvitationsController } from './teams-invitations.controller';
import { TeamsMembersController } from './teams-members.controller';
import { TeamsUserData } from './teams-user-data';
import { TeamsController } from './teams.controller';
import { TeamsTemplatesController } from './teams-templates.controller';
import { SaveTemplateHandler } from './commands/save-template/save-template.handler';
import { DeleteTemplateHandler } from './commands/delete-template/delete-template.handler';
import { ListTemplatesHandler } from './queries/list-templates/list-templates.handler';
import { TeamsDocumentsCommentsController } from './teams-documents-comments.controller';
import { AddCommentHandler } from './commands/add-comment/add-comment.handler';
import { DeleteCommentHandler } from './commands/delete-comment/delete-comment.handler';
import { ListCommentsHandler } from './queries/list-comments/list-comments.handler';
import { TeamsAuditController } from './teams-audit.controller';
import { TeamAuditHandler } from './queries/team-audit/team-audit.handler';

/**
 * Teams: members with roles, invitations by email, seats from the owner's
 * subscription (members over the limit frozen, never deleted) and documents
 * shared with the team. Global because the CV and cover-letter modules' routes ask
 * it, through the CV_TEAM_ACCESS and COVER_LETTER_TEAM_ACCESS ports, whether a
 * member may read or edit a shared document.
 */
@Module({})
export class TeamsModule {
  static forRole(_runsWorker: boolean): DynamicModule {
    return {
      module: TeamsModule,
      global: true,
      imports: [CqrsModule],
      controllers: [
        TeamsController,
        TeamsMembersController,
        TeamsInvitationsController,
        TeamInvitationsController,
        TeamsDocumentsController,
        TeamsAuditController,
        TeamsDocumentsCommentsController,
        TeamsTemplatesController,
      ],
      providers: [
        // Stateless reader of CV events: a hand-over copies the versions in its transaction.
        CvHistory,
        TeamSeats,
        TeamAccess,
        TeamMembers,
        TeamDocuments,
        InvitationMail,
        TeamDocumentAccess,
        { provide: CV_TEAM_ACCESS, useExisting: TeamDocumentAccess },
        { provide: COVER_LETTER_TEAM_ACCESS, useExisting: TeamDocumentAccess },
        TeamsUserData,
        CreateTeamHandler,
        ChangeSeatsHandler,
        RenameTeamHandler,
        DeleteTeamHandler,
        InviteMemberHandler,
        ResendInvitationHandler,
        RevokeInvitationHandler,
        RespondInvitationHandler,
        ChangeMemberRoleHandler,
        RemoveMemberHandler,
        TransferOwnershipHandler,
        ShareDocumentHandler,
        UnshareDocumentHandler,
        TransferDocumentHandler,
        ListTeamsHandler,
        GetTeamHandler,
        ListMembersHandler,
        ListInvitationsHandler,
        ListDocumentsHandler,
        TeamAuditHandler,
        AddCommentHandler,
        DeleteCommentHandler,
        ListCommentsHandler,
        SaveTemplateHandler,
        DeleteTemplateHandler,
        ListTemplatesHandler,
        EraseTeamsOfDeletedUserHandler,
      ],
      exports: [CV_TEAM_ACCESS, COVER_LETTER_TEAM_ACCESS],
    };
  }
}
