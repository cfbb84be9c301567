/** The one title of each status a problem can have (RFC 9457 `title`). */
export const STATUS_TITLES = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  416: 'Range not satisfiable',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
} as const;

export type ProblemStatus = keyof typeof STATUS_TITLES;

/** What a code means, for openapi.json and `GET /v1/problems`. */
export interface ProblemDefinition {
  status: ProblemStatus;
  description: string;
}
