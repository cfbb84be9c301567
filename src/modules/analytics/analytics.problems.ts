import { defineProblems } from '@lib/problems';

/** Analytics: client events and dashboards. */
export const analyticsProblems = defineProblems({
  'analytics.invalid_event': {
    status: 422,
    description:
      'An event is not in the client catalogue, or breaks GA4 rules (name, reserved names and prefixes, parameters); `errors` lists each with its JSON path. Nothing was stored.',
  },
  'analytics.invalid_range': {
    status: 422,
    description: '`from` must not be after `to`, and the range holds at most 400 days.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    analytics: typeof analyticsProblems;
  }
}
