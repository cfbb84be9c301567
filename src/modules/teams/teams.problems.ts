import { defineProblems } from '@lib/problems';

/** Teams: membership, roles, invitations, seats and shared documents. */
export const teamsProblems = defineProblems({
  'teams.not_found': { status: 404, description: 'No such team, or you are not a member.' },
  'teams.role_required': {
    status: 403,
    description: 'Your role in the team does not allow this (`requiredRole` names the one needed).',
  },
  'teams.member_frozen': {
    status: 403,
    description:
      'The team has fewer seats than members since a downgrade; the latest members to join are ' +
      'read-only until seats return (`seats`, `requiredPlan`).',
  },
  'teams.seat_limit_reached': {
    status: 403,
    description:
      'Members plus pending invitations already fill the seats (`seats`); add seats ' +
      '(`PATCH /v1/teams/{id}/seats`) or upgrade (`requiredPlan`).',
  },
  'teams.last_owner': {
    status: 409,
    description: 'The team’s only owner cannot leave or be removed; transfer ownership first.',
  },
  'teams.member_not_found': { status: 404, description: 'No such member in this team.' },
  'teams.already_member': {
    status: 409,
    description: 'That person is already a member of the team.',
  },
  'teams.invitation_pending': {
    status: 409,
    description: 'A pending invitation to this address exists; resend or revoke it.',
  },
  'teams.invitation_not_found': { status: 404, description: 'No such invitation in this team.' },
  'teams.invitation_invalid': {
    status: 404,
    description:
      'The invitation link is unknown, was revoked, replaced by a resend or already used.',
  },
  'teams.invitation_expired': {
    status: 410,
    description: 'The invitation link expired; ask for a new one.',
  },
  'teams.invitation_email_mismatch': {
    status: 403,
    description: 'The invitation was sent to another address than your account’s.',
  },
  'teams.document_not_found': {
    status: 404,
    description: 'No such CV or cover letter of yours, or it is not shared with this team.',
  },
  'teams.already_shared': {
    status: 409,
    description: 'The document is already shared with this team; change or remove that share.',
  },
  'teams.template_not_found': { status: 404, description: 'No such template in this team.' },
  'teams.comment_not_found': { status: 404, description: 'No such comment on this document.' },
  'teams.owner_quota_exceeded': {
    status: 409,
    description:
      'The team’s owner, who would own the handed-over document, has no room for it under their ' +
      'plan (`quota`, `limit`); they delete one of theirs or upgrade to `requiredPlan`.',
  },
  'teams.transfer_not_possible': {
    status: 409,
    description:
      'Only a document shared by a member other than the team’s owner can be handed to the team.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    teams: typeof teamsProblems;
  }
}
