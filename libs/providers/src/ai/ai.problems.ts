import { defineProblems } from '@lib/problems';

/** What the AI port answers when the provider cannot. */
export const aiProviderProblems = defineProblems({
  'ai.unavailable': {
    status: 503,
    description: 'The AI provider is unavailable; `retryAfter` is set when it said when to return.',
  },
  'ai.refused': {
    status: 422,
    description: 'The model declined the request; retrying will not help.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    aiProvider: typeof aiProviderProblems;
  }
}
