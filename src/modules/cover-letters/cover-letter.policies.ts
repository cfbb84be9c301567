import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import type { Principal } from '@lib/authz';
import { Problem } from '@lib/problems';
import type { TeamRight } from '../cv';
import { coverLetterProblems } from './cover-letters.problems';
import { CoverLetter } from './entities/cover-letter.entity';

export type CoverLetterActor = Pick<Principal, 'userId' | 'tier' | 'role'>;

export const coverLetterNotFound = () => Problem.notFound('Cover letter', 'cover_letter.not_found');

/**
 * The port through which cover-letter routes accept team members (the teams
 * module provides it), read in the caller's transaction like the CV one.
 */
export interface CoverLetterTeamAccess {
  rightOnCoverLetter(em: EntityManager, userId: string, id: string): Promise<TeamRight | null>;
}

export const COVER_LETTER_TEAM_ACCESS = Symbol('COVER_LETTER_TEAM_ACCESS');

/**
 * The actor's own cover letter, or (given `teams`) one shared with a team of
 * theirs: `view` to read, `edit` to change; deleting stays the owner's.
 * Anyone else's is a 404 like a missing one.
 */
export async function findOwnCoverLetter(
  em: EntityManager,
  actor: CoverLetterActor,
  id: string,
  {
    lock = false,
    action = 'read',
    teams,
  }: {
    lock?: boolean;
    action?: 'read' | 'update' | 'delete';
    teams?: CoverLetterTeamAccess | null;
  } = {},
): Promise<CoverLetter> {
  const letter = await em.findOne(
    CoverLetter,
    { id },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!letter) throw coverLetterNotFound();
  if (letter.ownerId === actor.userId) return letter;
  if (teams && action !== 'delete') {
    const right = await teams.rightOnCoverLetter(em, actor.userId, letter.id);
    if (right === 'edit' || (right === 'view' && action === 'read')) return letter;
  }
  throw coverLetterNotFound();
}

/** Hands `fromUserId`'s cover letter to `toUserId` in the caller's transaction (teams). */
export async function transferCoverLetter(
  em: EntityManager,
  id: string,
  fromUserId: string,
  toUserId: string,
): Promise<void> {
  const letter = await em.findOne(
    CoverLetter,
    { id, ownerId: fromUserId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!letter) throw coverLetterNotFound();
  letter.transferTo(toUserId);
}

/** A `jobId` that names no job of the jobs module. */
export function jobNotFound(jobId: string): Problem {
  return coverLetterProblems.problem(
    'cover_letter.job_not_found',
    `No job ${jobId}; send the job description as \`jobDescription\``,
  );
}

export function coverLetterVersionConflict(currentVersion: number): Problem {
  return coverLetterProblems.problem(
    'cover_letter.version_conflict',
    `The cover letter is at version ${currentVersion}; reload it and apply your change to that version`,
    { currentVersion },
  );
}
