import { defineProblems } from '@lib/problems';

/** Newsletter subscriptions. */
export const newsletterProblems = defineProblems({
  'newsletter.campaign_not_found': { status: 404, description: 'No such newsletter campaign.' },
  'newsletter.campaign_not_draft': {
    status: 409,
    description: 'The campaign was already sent or scheduled; a campaign is sent once.',
  },
  'newsletter.invalid_unsubscribe_link': {
    status: 400,
    description: 'The newsletter unsubscribe link is malformed or was altered.',
  },
  'newsletter.invalid_token': {
    status: 400,
    description:
      'The confirmation link is unknown, already used or expired (48 hours); subscribe again ' +
      'to get a new one.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    newsletter: typeof newsletterProblems;
  }
}
