import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { CACHE_TTL_SECONDS, type CacheTtl } from './cache-presets';
import { addVary } from './vary';
import { weakEtag } from './etag';
import { ResponseCache, type CachedResponse } from './response-cache';

type Request = FastifyRequest & { principal?: { userId: string } };

export interface CacheableOptions {
  /** How long the answer may be reused (a preset from the brief). */
  ttl: CacheTtl;
  /**
   * `public`: the same for everyone, shared caches may keep it (`public, max-age`);
   * `private`: per signed-in user, browsers revalidate every time (`private, no-cache`, 304 when unchanged).
   */
  scope: 'public' | 'private';
  /**
   * Keep the serialized answer in Redis (for reads that cost a query). Without it the handler
   * runs every time and only ETag/304 and Cache-Control apply (right for in-memory answers),
   * set in Fastify's preSerialization step rather than by a Nest interceptor; an answer the
   * handler returns frozen (`Object.freeze`) is serialized and hashed only once.
   */
  store?: boolean;
  /** Tags to drop stored answers by, from the request (e.g. `job:${params.id}`). */
  tags?: (request: Request) => string[];
}

const CACHEABLE = 'cache:cacheable';
/** The Fastify route config key under which routes without `store` carry their options. */
export const CACHEABLE_ROUTE_CONFIG = 'cacheable';

/**
 * A cacheable GET: ETag (weak hash of the body) with 304 on If-None-Match,
 * Cache-Control by scope, and optionally the answer kept in Redis under
 * `public:<url>` or `private:<user>:<url>` until its TTL or its tags are dropped.
 */
export function Cacheable(options: CacheableOptions): MethodDecorator {
  return applyDecorators(
    SetMetadata(CACHEABLE, options),
    // Without a store there is nothing asynchronous to do: Fastify hooks set the headers
    // (`registerConditionalGet`), which costs far less than Nest's interceptor chain.
    options.store
      ? UseInterceptors(ResponseCacheInterceptor)
      : RouteConfig({ [CACHEABLE_ROUTE_CONFIG]: options }),
    ApiResponse({
      status: 304,
      description: 'Not modified: `If-None-Match` matched the current `ETag`; no body.',
    }),
  );
}

/** Cache-Control for an answer of this scope and TTL. */
export function cacheControl(options: Pick<CacheableOptions, 'scope' | 'ttl'>): string {
  return options.scope === 'public'
    ? `public, max-age=${CACHE_TTL_SECONDS[options.ttl]}`
    : 'private, no-cache';
}

@Injectable()
export class ResponseCacheInterceptor implements NestInterceptor {
  /**
   * Answers being computed, by key and stamp: concurrent misses of one key (every request
   * right after an invalidation) share one computation per replica instead of each querying.
   */
  private readonly inFlight = new Map<string, Promise<CachedResponse>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly cache: ResponseCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<CacheableOptions | undefined>(
      CACHEABLE,
      context.getHandler(),
    );
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!options?.store || request.method !== 'GET') return next.handle();
    const userId = request.principal?.userId;
    if (options.scope === 'private' && !userId) return next.handle();
    return from(this.answer(options, request, http.getResponse<FastifyReply>(), next));
  }

  private async answer(
    options: CacheableOptions,
    request: Request,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<string> {
    const key =
      options.scope === 'private'
        ? `private:${request.principal?.userId}:${request.url}`
        : `public:${request.url}`;
    const lookup = await this.cache.lookup(key, options.tags?.(request));
    const cached = lookup.hit ?? (await this.computeOnce(key, lookup.stamp, options, next));
    void reply.headers({
      etag: cached.etag,
      'cache-control': cacheControl(options),
      'content-type': 'application/json; charset=utf-8',
    });
    if (options.scope === 'private') addVary(reply, 'Authorization');
    return cached.body;
  }

  private computeOnce(
    key: string,
    stamp: string,
    options: CacheableOptions,
    next: CallHandler,
  ): Promise<CachedResponse> {
    const flight = `${stamp}|${key}`;
    let pending = this.inFlight.get(flight);
    if (!pending) {
      pending = (async () => {
        const body = JSON.stringify(await lastValueFrom(next.handle()));
        const computed = { body, etag: weakEtag(body) };
        if (stamp) await this.cache.set(key, computed, options.ttl, stamp);
        return computed;
      })().finally(() => this.inFlight.delete(flight));
      this.inFlight.set(flight, pending);
    }
    return pending;
  }
}
