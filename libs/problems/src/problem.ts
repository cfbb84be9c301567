/** One invalid field: a JSON path into the request and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem document with the stable `code` clients switch on. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://career-tools.dev/problems/';

/**
 * A failure the client can act on. Throw it anywhere; the HTTP layer turns it
 * into an RFC 9457 response. `extensions` become extra members of the document.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }

  static badRequest(code: string, detail?: string, errors?: FieldError[]): Problem {
    return new Problem(400, code, 'Bad request', detail, errors ? { errors } : {});
  }
  static unauthorized(code = 'auth.unauthenticated', detail?: string): Problem {
    return new Problem(401, code, 'Unauthorized', detail);
  }
  static forbidden(
    code = 'auth.forbidden',
    detail?: string,
    ext?: Record<string, unknown>,
  ): Problem {
    return new Problem(403, code, 'Forbidden', detail, ext);
  }
  static notFound(what = 'Resource', code = 'resource.not_found'): Problem {
    return new Problem(404, code, 'Not found', `${what} not found`);
  }
  static conflict(code: string, detail?: string): Problem {
    return new Problem(409, code, 'Conflict', detail);
  }
  static unavailable(code: string, detail?: string): Problem {
    return new Problem(503, code, 'Service unavailable', detail);
  }
}
