import { defineProblems } from '@lib/problems';

/** Cover letters. */
export const coverLetterProblems = defineProblems({
  'cover_letter.not_found': { status: 404, description: 'No such cover letter, or not yours.' },
  'cover_letter.job_not_found': {
    status: 422,
    description: 'The `jobId` names no job of `GET /v1/jobs`.',
  },
  'cover_letter.version_conflict': {
    status: 412,
    description: 'The letter changed since the version in If-Match (`currentVersion`).',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    coverLetters: typeof coverLetterProblems;
  }
}
