import { defineProblems } from '@lib/problems';

/** Problems of the health and metrics endpoints. */
export const healthProblems = defineProblems({
  'metrics.unauthorized': {
    status: 401,
    description: '`/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    health: typeof healthProblems;
  }
}
