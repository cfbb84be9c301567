import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { addVary, weakEtag } from '@lib/cache';

type Request = FastifyRequest & { principal?: { userId: string } };
type JobLike = { id: string; saved?: boolean };

/**
 * Adds `saved` to each job of a search page or job answer for a signed-in caller, outside
 * the shared response cache (it sits below `@Cacheable`, so it wraps it): the stored answer
 * stays the same for everyone, and each caller's state costs one indexed query per answer.
 * A personalized answer is `private, no-cache` with its own ETag; every answer varies on
 * `Authorization`, so no cache hands one caller's answer to another.
 */
@Injectable()
export class SavedStateInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const reply = http.getResponse<FastifyReply>();
    addVary(reply, 'Authorization');
    const userId = request.principal?.userId;
    if (!userId) return next.handle();
    return next
      .handle()
      .pipe(mergeMap((body: unknown) => from(this.personalize(body, userId, reply))));
  }

  private async personalize(body: unknown, userId: string, reply: FastifyReply): Promise<string> {
    const answer = (typeof body === 'string' ? JSON.parse(body) : body) as
      { items: JobLike[] } | JobLike;
    const jobs = 'items' in answer ? answer.items : [answer];
    const ids = jobs.map((job) => job.id);
    const rows = ids.length
      ? await this.em
          .fork()
          .execute<Array<{ job_id: string }>>(
            'select job_id from saved_jobs where user_id = ? and job_id = any(?::uuid[])',
            [userId, `{${ids.join(',')}}`],
          )
      : [];
    const saved = new Set(rows.map((row) => row.job_id));
    for (const job of jobs) job.saved = saved.has(job.id);
    const serialized = JSON.stringify(answer);
    void reply.headers({
      etag: weakEtag(serialized),
      'cache-control': 'private, no-cache',
      'content-type': 'application/json; charset=utf-8',
    });
    return serialized;
  }
}
