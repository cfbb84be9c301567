import type { ProblemDefinition } from './status-titles';

/** Codes every part of the app shares: the HTTP layer's own, authentication and plans. */
export const COMMON_PROBLEMS = {
  'validation.failed': {
    status: 400,
    description: 'Fields failed validation; `errors` lists each with its JSON path.',
  },
  'request.invalid': { status: 400, description: 'The request is malformed (e.g. broken JSON).' },
  'pagination.invalid_cursor': { status: 400, description: 'The `cursor` is not one we issued.' },
  'auth.unauthenticated': { status: 401, description: 'No credentials were sent.' },
  'auth.forbidden': { status: 403, description: 'The caller lacks the role the route needs.' },
  'auth.scope_required': {
    status: 403,
    description: 'The API key lacks the scope the route needs (`requiredScope`).',
  },
  'auth.impersonation_read_only': {
    status: 403,
    description: 'An admin impersonation session is read-only: only GET and HEAD are allowed.',
  },
  'plan.upgrade_required': {
    status: 403,
    description:
      'The caller’s plan lacks a feature; `requiredPlan` names the cheapest that has it.',
  },
  'plan.quota_exceeded': {
    status: 403,
    description: 'The plan’s quota is used up; `quota` and `limit` say which.',
  },
  'resource.not_found': { status: 404, description: 'Nothing here, or it is not yours.' },
  'request.method_not_allowed': { status: 405, description: 'The route has no such method.' },
  'request.not_acceptable': { status: 406, description: 'The requested format is not served.' },
  'resource.conflict': { status: 409, description: 'Conflicts with the current state.' },
  'resource.gone': { status: 410, description: 'It existed but is gone.' },
  'resource.precondition_failed': { status: 412, description: 'A precondition did not hold.' },
  'request.too_large': { status: 413, description: 'The body is larger than allowed.' },
  'request.unsupported_media_type': {
    status: 415,
    description: 'The body’s Content-Type is not one the route takes.',
  },
  'request.unprocessable': { status: 422, description: 'Well-formed but semantically invalid.' },
  'rate_limit.exceeded': {
    status: 429,
    description: 'A rate limit was hit; `retryAfter` (and `Retry-After`) say when to retry.',
  },
  'rate_limit.unavailable': {
    status: 503,
    description: 'The rate-limit store is down and the route refuses uncounted requests.',
  },
  'server.internal_error': { status: 500, description: 'A bug on our side; quote `requestId`.' },
  'server.unavailable': { status: 503, description: 'A dependency is unavailable; try again.' },
} as const satisfies Record<string, ProblemDefinition>;
