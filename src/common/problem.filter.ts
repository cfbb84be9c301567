import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Problem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  STATUS_TITLES,
  type ProblemCode,
  type ProblemDocument,
} from '@lib/problems';
import type { Principal } from '@lib/authz';
import type { ErrorReporter } from '../observability';

/** The code of an error that is not a Problem (Nest's and Fastify's own), by status. */
const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'resource.not_found',
  405: 'request.method_not_allowed',
  406: 'request.not_acceptable',
  409: 'resource.conflict',
  410: 'resource.gone',
  412: 'resource.precondition_failed',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  422: 'request.unprocessable',
  429: 'rate_limit.exceeded',
  500: 'server.internal_error',
  503: 'server.unavailable',
};

/** Turns every error into an RFC 9457 `application/problem+json` response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(
    private readonly exposeDetails: boolean,
    private readonly reporter: ErrorReporter,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url.split('?')[0];
    problem.requestId = String(request.id);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
      this.reporter.report(exception, {
        requestId: problem.requestId,
        userId: (request as { principal?: Principal }).principal?.userId,
        request: { method: request.method, url: request.url, headers: request.headers },
      });
    }
    // Any problem that knows when to come back says so the standard way too (429, 503).
    const retryAfter = problem.retryAfter;
    if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) {
      void reply.header('retry-after', String(Math.ceil(retryAfter)));
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDocument {
    if (exception instanceof Problem) {
      return document(
        exception.status,
        exception.code,
        exception.title,
        exception.detail,
        exception.extensions,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message: unknown =
        typeof body === 'string'
          ? body
          : ((body as { message?: unknown }).message ?? exception.message);
      const detail = Array.isArray(message)
        ? message.map(String).join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      return document(
        status,
        CODE_BY_STATUS[status] ?? `http.${status}`,
        statusTitle(status),
        detail,
      );
    }
    const status = fastifyStatus(exception);
    if (status) {
      return document(
        status,
        CODE_BY_STATUS[status] ?? `http.${status}`,
        statusTitle(status),
        (exception as Error).message,
      );
    }
    const detail = this.exposeDetails && exception instanceof Error ? exception.message : undefined;
    return document(500, CODE_BY_STATUS[500], statusTitle(500), detail);
  }
}

function document(
  status: number,
  code: string,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemDocument {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    code,
    ...extensions,
  };
}

/** Fastify's own client errors (bad JSON, body too large, wrong media type) carry statusCode. */
function fastifyStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function statusTitle(status: number): string {
  if (status in STATUS_TITLES) return STATUS_TITLES[status as keyof typeof STATUS_TITLES];
  const name = HttpStatus[status] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
        .join(' ')
    : 'Error';
}
