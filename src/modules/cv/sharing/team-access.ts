import type { EntityManager } from '@mikro-orm/postgresql';

/** What a team member may do with a CV shared with their team. */
export type TeamRight = 'view' | 'edit';

/**
 * The port through which CV routes accept team members (the teams module
 * provides it): the right `userId` holds on someone else's CV through a team,
 * read in the caller's transaction (no caching: a removed member loses it at once).
 */
export interface CvTeamAccess {
  rightOnCv(em: EntityManager, userId: string, cvId: string): Promise<TeamRight | null>;
}

export const CV_TEAM_ACCESS = Symbol('CV_TEAM_ACCESS');
