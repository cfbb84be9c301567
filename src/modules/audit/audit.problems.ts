import { defineProblems } from '@lib/problems';

/** Problems of the audit admin area (event deliveries). */
export const auditProblems = defineProblems({
  'event_delivery.not_found': {
    status: 404,
    description: 'No event delivery with this id.',
  },
  'event_delivery.not_dead': {
    status: 409,
    description: 'Only a dead delivery (out of attempts) can be retried by hand.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    audit: typeof auditProblems;
  }
}
