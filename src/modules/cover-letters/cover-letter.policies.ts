import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import type { Principal } from '@lib/authz';
import { Problem } from '@lib/problems';
import { coverLetterProblems } from './cover-letters.problems';
import { CoverLetter } from './entities/cover-letter.entity';

export type CoverLetterActor = Pick<Principal, 'userId' | 'tier' | 'role'>;

export const coverLetterNotFound = () => Problem.notFound('Cover letter', 'cover_letter.not_found');

/** The actor's own cover letter; another user's is a 404 like a missing one. */
export async function findOwnCoverLetter(
  em: EntityManager,
  actor: CoverLetterActor,
  id: string,
  { lock = false } = {},
): Promise<CoverLetter> {
  const letter = await em.findOne(
    CoverLetter,
    { id, ownerId: actor.userId },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!letter) throw coverLetterNotFound();
  return letter;
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
