import { DomainEvent, DomainEventType } from '@lib/event-store';
import type { TeamRole } from '../entities/team-member.entity';

/** Every team event is on the team's stream: the team audit reads that stream only. */
export const TEAM_STREAM = 'team';

abstract class TeamEvent<P extends object> extends DomainEvent<P> {
  constructor(teamId: string, payload: P) {
    super(TEAM_STREAM, teamId, payload);
  }
}

@DomainEventType('teams.created')
export class TeamCreated extends TeamEvent<{ name: string; ownerId: string }> {}

@DomainEventType('teams.renamed')
export class TeamRenamed extends TeamEvent<{ name: string }> {}

@DomainEventType('teams.deleted')
export class TeamDeleted extends TeamEvent<{ ownerId: string }> {}

@DomainEventType('teams.member_invited', { personal: ['email'] })
export class MemberInvited extends TeamEvent<{
  invitationId: string;
  email: string;
  role: TeamRole;
  resent: boolean;
}> {}

@DomainEventType('teams.invitation_revoked')
export class InvitationRevoked extends TeamEvent<{ invitationId: string }> {}

@DomainEventType('teams.invitation_declined')
export class InvitationDeclined extends TeamEvent<{ invitationId: string; userId: string }> {}

@DomainEventType('teams.member_joined')
export class MemberJoined extends TeamEvent<{
  invitationId: string;
  userId: string;
  role: TeamRole;
}> {}

@DomainEventType('teams.member_role_changed')
export class MemberRoleChanged extends TeamEvent<{
  userId: string;
  from: TeamRole;
  to: TeamRole;
}> {}

/** `removed` by an owner or admin, `left` by themselves, `account_deleted` on erasure. */
@DomainEventType('teams.member_removed')
export class MemberRemoved extends TeamEvent<{
  userId: string;
  reason: 'removed' | 'left' | 'account_deleted';
}> {}

@DomainEventType('teams.ownership_transferred')
export class OwnershipTransferred extends TeamEvent<{ from: string; to: string }> {}

@DomainEventType('teams.document_shared')
export class DocumentShared extends TeamEvent<{
  shareId: string;
  documentType: string;
  documentId: string;
  permission: string;
}> {}

@DomainEventType('teams.document_unshared')
export class DocumentUnshared extends TeamEvent<{
  shareId: string;
  documentType: string;
  documentId: string;
}> {}

@DomainEventType('teams.seats_changed')
export class TeamSeatsChanged extends TeamEvent<{ seats: number }> {}

/** A member handed a shared CV to the team: it is now the team owner's. */
@DomainEventType('teams.document_transferred')
export class DocumentTransferred extends TeamEvent<{
  shareId: string;
  documentType: string;
  documentId: string;
  from: string;
  to: string;
}> {}

@DomainEventType('teams.comment_added')
export class CommentAdded extends TeamEvent<{ commentId: string; shareId: string }> {}

@DomainEventType('teams.comment_deleted')
export class CommentDeleted extends TeamEvent<{ commentId: string; shareId: string }> {}

@DomainEventType('teams.template_saved')
export class TemplateSaved extends TeamEvent<{ templateId: string; name: string }> {}

@DomainEventType('teams.template_deleted')
export class TemplateDeleted extends TeamEvent<{ templateId: string }> {}
