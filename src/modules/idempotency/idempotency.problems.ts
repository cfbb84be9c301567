import { defineProblems } from '@lib/problems';

/** `Idempotency-Key` on POSTs that create something. */
export const idempotencyProblems = defineProblems({
  'idempotency.invalid_key': {
    status: 400,
    description: 'The `Idempotency-Key` header must be 1–255 printable ASCII characters.',
  },
  'idempotency.key_reused': {
    status: 422,
    description:
      'This `Idempotency-Key` was already used in the last 24 hours with another request (method, path or body); use a new key.',
  },
  'idempotency.in_progress': {
    status: 409,
    description:
      'A request with this `Idempotency-Key` is still running; retry shortly to get its answer.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    idempotency: typeof idempotencyProblems;
  }
}
