import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertTeamCan,
  loadMembership,
  type Membership,
  type TeamAction,
  type TeamSubjectName,
  memberSubject,
} from './teams.policies';
import { TeamSeats } from './team-seats';
import type { TeamRole } from './entities/team-member.entity';
import { TeamDocumentShare } from './entities/team-document-share.entity';
import { teamsProblems } from './teams.problems';

/**
 * The one gate of every team use case: loads the caller's membership (404 for
 * non-members) and checks the role's rules (403), in the caller's transaction.
 */
@Injectable()
export class TeamAccess {
  constructor(readonly seats: TeamSeats) {}

  member(em: EntityManager, teamId: string, userId: string): Promise<Membership> {
    return loadMembership(em, this.seats, teamId, userId);
  }

  async require(
    em: EntityManager,
    teamId: string,
    userId: string,
    action: TeamAction,
    target: TeamSubjectName,
  ): Promise<Membership> {
    const membership = await this.member(em, teamId, userId);
    await assertTeamCan(em, this.seats, membership, action, target);
    return membership;
  }

  /** Whether the membership may act on a member with `role` (admins: plain members only). */
  assertOnMember(
    em: EntityManager,
    membership: Membership,
    action: TeamAction,
    role: TeamRole,
  ): Promise<void> {
    return assertTeamCan(em, this.seats, membership, action, memberSubject(role));
  }

  /** A share of this team (404 otherwise). */
  async share(em: EntityManager, teamId: string, shareId: string): Promise<TeamDocumentShare> {
    const share = await em.findOne(TeamDocumentShare, { id: shareId, teamId });
    if (!share) throw teamsProblems.problem('teams.document_not_found', 'No such shared document.');
    return share;
  }
}
