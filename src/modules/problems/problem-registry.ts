import { commonProblems, registerProblems, type ProblemCatalogues } from '@lib/problems';
import { aiProviderProblems } from '@lib/providers';
import { analyticsProblems } from '../analytics';
import { auditProblems } from '../audit';
import { billingProblems } from '../billing';
import { blogProblems } from '../blog';
import { coverLetterProblems } from '../cover-letters';
import { cvProblems } from '../cv';
import { dataExportProblems } from '../data-export';
import { filesProblems } from '../files';
import { healthProblems } from '../health';
import { hooksProblems } from '../hooks';
import { teamsProblems } from '../teams';
import { idempotencyProblems } from '../idempotency';
import { identityProblems } from '../identity';
import { deliverabilityProblems } from '../notifications/deliverability';
import { newsletterProblems } from '../notifications/newsletter';
import { pushProblems } from '../notifications/push';
import { notificationProblems } from '../notifications';
import { jobProblems } from '../jobs';
import { socialProblems } from '../social';
import { usersProblems } from '../users';

/** Every catalogue: leaving one out (or adding one twice) does not compile. */
const CATALOGUES: { [M in keyof ProblemCatalogues]: ProblemCatalogues[M] } = {
  common: commonProblems,
  aiProvider: aiProviderProblems,
  analytics: analyticsProblems,
  audit: auditProblems,
  billing: billingProblems,
  blog: blogProblems,
  coverLetters: coverLetterProblems,
  cv: cvProblems,
  dataExport: dataExportProblems,
  deliverability: deliverabilityProblems,
  files: filesProblems,
  health: healthProblems,
  hooks: hooksProblems,
  idempotency: idempotencyProblems,
  identity: identityProblems,
  newsletter: newsletterProblems,
  push: pushProblems,
  notifications: notificationProblems,
  jobs: jobProblems,
  social: socialProblems,
  users: usersProblems,
  teams: teamsProblems,
};

/** Every problem code the API answers with, sorted; a code defined twice stops the boot. */
export const PROBLEMS = registerProblems(Object.values(CATALOGUES));
