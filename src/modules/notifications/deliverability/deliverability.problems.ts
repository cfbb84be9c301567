import { defineProblems } from '@lib/problems';

/** Email deliverability: provider webhooks and the suppression list. */
export const deliverabilityProblems = defineProblems({
  'deliverability.invalid_signature': {
    status: 400,
    description:
      'The webhook’s svix signature does not match its body (or its timestamp is more than ' +
      'five minutes off, or a header is missing). Nothing was recorded.',
  },
  'deliverability.invalid_event': {
    status: 400,
    description: 'The signed webhook body is not a Resend event (`type` and `data`).',
  },
  'deliverability.webhook_not_configured': {
    status: 503,
    description:
      'RESEND_WEBHOOK_SECRET is not set, so webhooks cannot be verified and are refused.',
  },
  'deliverability.suppression_not_found': {
    status: 404,
    description: 'No suppression with that id or address.',
  },
  'deliverability.invalid_suppression_key': {
    status: 400,
    description: 'Name a suppression by its id (uuid) or by the email address.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    deliverability: typeof deliverabilityProblems;
  }
}
