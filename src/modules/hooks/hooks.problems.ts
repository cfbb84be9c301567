import { defineProblems } from '@lib/problems';

/** Outgoing webhooks (Zapier REST hooks). */
export const hooksProblems = defineProblems({
  'hooks.not_found': { status: 404, description: 'No such hook subscription, or not yours.' },
  'hooks.duplicate': {
    status: 409,
    description: 'You already have a subscription of this event to this target URL.',
  },
  'hooks.limit_reached': {
    status: 409,
    description: 'You have as many hook subscriptions as allowed; delete one first.',
  },
  'hooks.unsafe_target': {
    status: 422,
    description:
      'The target URL cannot be called: it must be https (in production) and resolve only to ' +
      'public addresses (no private, loopback, link-local or cloud metadata addresses).',
  },
  'hooks.event_not_allowed': {
    status: 403,
    description: 'Only administrators may subscribe to events about other users (user.registered).',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    hooks: typeof hooksProblems;
  }
}
