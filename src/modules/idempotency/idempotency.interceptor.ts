import {
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Principal } from '@lib/authz';
import { IdempotencyStore } from './idempotency-store';
import { idempotencyProblems } from './idempotency.problems';

type Request = FastifyRequest & { principal?: Principal };

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that was replayed from the first request with the key (Stripe's name). */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
const REPLAYED_HEADERS = ['location', 'etag'];
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

/**
 * Stripe-style `Idempotency-Key` for a POST that creates something: the first request with
 * a key runs, and its answer is replayed to every later (or concurrent) request with the same
 * key and body from the same caller for 24 hours. Without the header nothing happens.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.headers[IDEMPOTENCY_KEY_HEADER] === undefined) return next.handle();
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      HttpStatus.CREATED;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(
      this.once(request, reply, status, fingerprint(request), () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }

  /**
   * Runs `run` once per caller and `Idempotency-Key`, for routes whose body is only known
   * inside the handler (a streamed multipart upload: `print` then hashes the file's bytes and
   * the fields). Without the header (or a caller) it just runs.
   */
  async once<T>(
    request: Request,
    reply: FastifyReply,
    status: number,
    print: string,
    run: () => Promise<T>,
  ): Promise<T> {
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    const principal = request.principal;
    if (key === undefined || !principal) return run();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw idempotencyProblems.problem(
        'idempotency.invalid_key',
        'Idempotency-Key must be 1 to 255 printable ASCII characters',
      );
    }
    const owner = principal.apiKeyId ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
    return (await this.answer(owner, principal.userId, key, print, status, reply, run)) as T;
  }

  private async answer(
    owner: string,
    userId: string,
    key: string,
    print: string,
    status: number,
    reply: FastifyReply,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const claim = await this.store.claim(owner, userId, key, print);
    if (claim.kind === 'replay') {
      const { answer } = claim;
      void reply.status(answer.status).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      void reply.headers(answer.headers);
      return answer.body === null ? undefined : JSON.parse(answer.body);
    }
    let result: unknown;
    try {
      result = await run();
    } catch (error) {
      await this.store.release(owner, key);
      throw error;
    }
    const answer = {
      status,
      headers: replayedHeaders(reply),
      body: result === undefined ? null : JSON.stringify(result),
    };
    await this.store.complete(owner, key, answer).catch(async (error: unknown) => {
      // The resource exists: answer the caller, and let a retry run again rather than wait.
      this.logger.warn({ err: error }, 'could not keep an idempotent answer');
      await this.store.release(owner, key).catch(() => undefined);
    });
    return result;
  }
}

/** The headers of the first answer a replay repeats: where the resource is and its version. */
function replayedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** The request a key stands for: method, URL and the body with its keys sorted. */
function fingerprint(request: FastifyRequest): string {
  return requestFingerprint(request, sortKeys(request.body ?? null));
}

/** Method, URL and `body` (any JSON: a parsed body, or what stands for a streamed one), hashed. */
export function requestFingerprint(request: FastifyRequest, body: unknown): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(body)}`)
    .digest('base64url');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((name) => [name, sortKeys((value as Record<string, unknown>)[name])]),
  );
}
