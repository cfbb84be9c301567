import { commonProblems, registerProblems, type ProblemCatalogues } from '@lib/problems';
import { aiProviderProblems } from '@lib/providers';
import { auditProblems } from '../audit';
import { coverLetterProblems } from '../cover-letters';
import { cvProblems } from '../cv';
import { filesProblems } from '../files';
import { healthProblems } from '../health';
import { identityProblems } from '../identity';
import { usersProblems } from '../users';

/** Every catalogue: leaving one out (or adding one twice) does not compile. */
const CATALOGUES: { [M in keyof ProblemCatalogues]: ProblemCatalogues[M] } = {
  common: commonProblems,
  aiProvider: aiProviderProblems,
  audit: auditProblems,
  coverLetters: coverLetterProblems,
  cv: cvProblems,
  files: filesProblems,
  health: healthProblems,
  identity: identityProblems,
  users: usersProblems,
};

/** Every problem code the API answers with, sorted; a code defined twice stops the boot. */
export const PROBLEMS = registerProblems(Object.values(CATALOGUES));
