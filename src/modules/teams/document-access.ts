import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CoverLetterTeamAccess } from '../cover-letters';
import type { CvTeamAccess, TeamRight } from '../cv';
import { Team } from './entities/team.entity';
import { TeamDocumentShare, type TeamDocumentType } from './entities/team-document-share.entity';
import { TeamMember } from './entities/team-member.entity';
import { TeamSeats } from './team-seats';

/**
 * What a user may do with another person's document through their teams:
 * the strongest share among the teams they belong to, where a frozen member's
 * `edit` counts as `view`. Read in the caller's transaction on every request,
 * so a removed member loses access with their next request.
 */
@Injectable()
export class TeamDocumentAccess implements CvTeamAccess, CoverLetterTeamAccess {
  constructor(private readonly seats: TeamSeats) {}

  rightOnCv(em: EntityManager, userId: string, cvId: string): Promise<TeamRight | null> {
    return this.rightOn(em, userId, 'cv', cvId);
  }

  rightOnCoverLetter(em: EntityManager, userId: string, id: string): Promise<TeamRight | null> {
    return this.rightOn(em, userId, 'cover_letter', id);
  }

  async rightOn(
    em: EntityManager,
    userId: string,
    documentType: TeamDocumentType,
    documentId: string,
  ): Promise<TeamRight | null> {
    const shares = await em.find(TeamDocumentShare, { documentType, documentId });
    if (shares.length === 0) return null;
    const memberships = await em.find(TeamMember, {
      userId,
      teamId: { $in: shares.map((s) => s.teamId) },
    });
    let right: TeamRight | null = null;
    for (const membership of memberships) {
      const share = shares.find((s) => s.teamId === membership.teamId)!;
      if (share.permission === 'edit') {
        const team = await em.findOne(Team, membership.teamId);
        const frozen = !team || (await this.seats.frozenUserIds(em, team)).has(userId);
        if (!frozen) return 'edit';
      }
      right = 'view';
    }
    return right;
  }
}
