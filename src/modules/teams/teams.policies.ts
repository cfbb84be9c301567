import { AbilityBuilder, createMongoAbility, subject, type MongoAbility } from '@casl/ability';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Team } from './entities/team.entity';
import { TeamMember, type TeamRole } from './entities/team-member.entity';
import { TeamSeats } from './team-seats';
import { teamsProblems } from './teams.problems';

export type TeamAction =
  'manage' | 'read' | 'update' | 'delete' | 'create' | 'leave' | 'transfer' | 'changeRole';

/**
 * What a team member acts on. `TeamMember.role` is the role of the member acted
 * on (admins remove plain members, never the owner or other admins).
 */
export type TeamSubjectName =
  'Team' | 'TeamMember' | 'TeamInvitation' | 'TeamDocument' | 'TeamSeats' | 'TeamAudit';
type TeamSubject = TeamSubjectName | ReturnType<typeof memberSubject>;
export type TeamAbility = MongoAbility<[TeamAction, TeamSubject]>;

export const memberSubject = (role: TeamRole) => subject('TeamMember', { role });

/**
 * The rules per role. member: read the team, its members and documents, share
 * their own documents, leave. admin: also invite, remove plain members and
 * manage shares, read the audit. owner: everything, incl. delete, seats and
 * transfer. A frozen member (over the seat limit) keeps only reading and leaving.
 */
export function defineTeamAbility(role: TeamRole, frozen: boolean): TeamAbility {
  const { can, build } = new AbilityBuilder<TeamAbility>(createMongoAbility);
  can('read', ['Team', 'TeamMember', 'TeamDocument']);
  can('leave', 'Team');
  if (frozen) return build();
  can('create', 'TeamDocument');
  if (role === 'admin' || role === 'owner') {
    can(['create', 'read', 'update', 'delete'], 'TeamInvitation');
    can('delete', 'TeamMember', { role: 'member' });
    can(['update', 'delete'], 'TeamDocument');
    can('read', 'TeamAudit');
  }
  if (role === 'owner') can('manage', ['Team', 'TeamMember', 'TeamSeats', 'TeamAudit']);
  return build();
}

/** The caller's place in a team, read fresh in the request's transaction. */
export interface Membership {
  team: Team;
  member: TeamMember;
  frozen: boolean;
  ability: TeamAbility;
}

export const teamNotFound = () => teamsProblems.problem('teams.not_found', 'No such team.');

/** The role that an action needs, for the problem's `requiredRole`. */
const REQUIRED_ROLE: Partial<Record<TeamSubjectName, TeamRole>> = {
  TeamInvitation: 'admin',
  TeamDocument: 'admin',
  TeamAudit: 'admin',
  TeamSeats: 'owner',
};

/**
 * Loads the team as the caller sees it: a non-member (or an unknown id) is a
 * 404, exactly like a team that does not exist.
 */
export async function loadMembership(
  em: EntityManager,
  seats: TeamSeats,
  teamId: string,
  userId: string,
): Promise<Membership> {
  const member = await em.findOne(TeamMember, { teamId, userId });
  if (!member) throw teamNotFound();
  const team = await em.findOne(Team, teamId);
  if (!team) throw teamNotFound();
  const frozen = (await seats.frozenUserIds(em, team)).has(userId);
  return { team, member, frozen, ability: defineTeamAbility(member.role, frozen) };
}

/** 403 unless the membership allows it: frozen members get `teams.member_frozen`. */
export async function assertTeamCan(
  em: EntityManager,
  seats: TeamSeats,
  membership: Membership,
  action: TeamAction,
  target: TeamSubject,
): Promise<void> {
  if (membership.ability.can(action, target)) return;
  if (membership.frozen) {
    const limit = await seats.limitFor(em, membership.team.ownerId);
    throw teamsProblems.problem(
      'teams.member_frozen',
      `The team has ${limit.seats} seats and you joined after they were filled: read-only until seats return.`,
      { seats: limit.seats, requiredPlan: 'premium' },
    );
  }
  const name = typeof target === 'string' ? target : 'TeamMember';
  const requiredRole =
    action === 'delete' && name === 'Team' ? 'owner' : (REQUIRED_ROLE[name] ?? 'owner');
  throw teamsProblems.problem(
    'teams.role_required',
    `Your role (${membership.member.role}) cannot ${action} ${name}; it needs ${requiredRole}.`,
    { requiredRole },
  );
}
