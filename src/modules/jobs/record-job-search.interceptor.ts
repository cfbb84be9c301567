import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { AnalyticsRecorder } from '../analytics';

type Request = FastifyRequest & { principal?: { userId: string } };

const FILTERS = [
  'location',
  'remote',
  'workplaceType',
  'employmentType',
  'seniority',
  'salaryMin',
  'salaryCurrency',
  'postedWithinDays',
  'source',
  'company',
] as const;

/**
 * `job_search_performed` for every answered search, cache hits included (it sits outside the
 * response cache), written after the answer without holding it up. First pages only: paging
 * on is not another search.
 */
@Injectable()
export class RecordJobSearchInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RecordJobSearchInterceptor.name);

  constructor(private readonly analytics: AnalyticsRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      tap(() => {
        const query = (request.query ?? {}) as Record<string, string | undefined>;
        if (query.cursor) return;
        const filters = Object.fromEntries(
          FILTERS.filter((key) => query[key] !== undefined).map((key) => [key, query[key]]),
        );
        this.analytics
          .record({
            name: 'job_search_performed',
            userId: request.principal?.userId ?? null,
            properties: { hasQuery: Boolean(query.q), sort: query.sort ?? 'relevance', filters },
          })
          .catch((error: unknown) =>
            this.logger.warn({ err: error }, 'Recording a job search failed'),
          );
      }),
    );
  }
}
