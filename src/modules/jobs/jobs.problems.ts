import { defineProblems } from '@lib/problems';

/** Job aggregator. */
export const jobProblems = defineProblems({
  'job.not_found': { status: 404, description: 'No such job, or it has expired.' },
  'job.not_saved': { status: 404, description: 'The job is not in your saved jobs.' },
  'job.application_not_found': { status: 404, description: 'No such application, or not yours.' },
  'job.application_exists': {
    status: 409,
    description: 'You already track this job (`applicationId`); update that application instead.',
  },
  'job.alert_not_found': { status: 404, description: 'No such job alert, or not yours.' },
  'job.cover_letter_not_found': { status: 404, description: 'No such cover letter, or not yours.' },
  'job.source_not_found': { status: 404, description: 'No such job source.' },
  'job.source_not_active': {
    status: 409,
    description:
      'The source is not active here (not in JOB_SOURCES, not configured or unavailable).',
  },
  'job.source_paused': {
    status: 409,
    description:
      'The source asked us to wait (Retry-After); `pausedUntil` in its health says until when.',
  },
  'job.board_not_found': {
    status: 422,
    description:
      'The company board answered 404: check the board token (Greenhouse), site (Lever) or board name (Ashby).',
  },
  'job.board_unreachable': {
    status: 503,
    description:
      'The company board could not be read to check it (timeout, 5xx or not its format); try again.',
  },
  'job.board_exists': {
    status: 409,
    description: 'The board is already followed (from the environment list or by an admin).',
  },
  'job.board_not_followed': {
    status: 404,
    description:
      'No admin-added board with this source and token (boards from the environment are removed there).',
  },
  'job.invalid_cursor': { status: 400, description: 'The cursor does not belong to this search.' },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    jobs: typeof jobProblems;
  }
}
