/** One invalid field of a `validation.failed` problem. */
export interface ProblemFieldError {
  /** JSON path of the field, e.g. `$.title`. */
  path: string;
  message: string;
  [extension: string]: unknown;
}

/** An RFC 9457 problem document as the API sends it (`application/problem+json`). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

/**
 * Thrown for every error answer of the API: `code` is the stable problem code
 * (`GET /v1/problems` lists them), extensions such as `requiredScope` or `retryAfter`
 * are in `problem`.
 */
export class ProblemError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: ProblemFieldError[];

  constructor(
    readonly problem: ProblemDocument,
    readonly response: Response,
  ) {
    super(`${problem.status} ${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ProblemError';
    this.code = problem.code;
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors;
  }
}

/** Reads an error answer as a problem (a non-problem body becomes `http.<status>`). */
export async function problemFrom(response: Response): Promise<ProblemError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.clone().json()) as ProblemDocument;
    if (body && typeof body.code === 'string') return new ProblemError(body, response);
  }
  return new ProblemError(
    {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      code: `http.${response.status}`,
    },
    response,
  );
}
