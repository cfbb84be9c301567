import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import type { Principal } from '@lib/authz';
import { InjectRedis } from '@lib/queue';

/** Days of per-key counts kept (the usage route reads at most this many). */
export const API_KEY_USAGE_DAYS = 90;
const DAY_MS = 86_400_000;

export interface ApiKeyUsageDay {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  requests: number;
  /** Answers with status ≥ 400 (429 included). */
  errors: number;
  /** Answers 429 (the `api` rate limit or a route's own). */
  rateLimited: number;
}

/**
 * Requests, errors and rate-limit refusals per API key per UTC day: one Redis hash per key
 * and day (`HINCRBY`, expiring after {@link API_KEY_USAGE_DAYS}), written in Fastify's
 * `onResponse` after the answer went out, so the request path waits for nothing. Usage is
 * telemetry: a Redis failure loses counts, never a request. Calls refused before the key is
 * known (401) are not counted: they belong to no key.
 */
@Injectable()
export class ApiKeyDailyUsage implements OnModuleInit {
  private readonly logger = new Logger(ApiKeyDailyUsage.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      const apiKeyId = (request as FastifyRequest & { principal?: Principal }).principal?.apiKeyId;
      if (apiKeyId) this.count(apiKeyId, reply.statusCode);
      done();
    });
  }

  count(apiKeyId: string, status: number, at = new Date()): void {
    const key = usageKey(apiKeyId, day(at));
    const pipeline = this.redis.multi().hincrby(key, 'requests', 1);
    if (status >= 400) pipeline.hincrby(key, 'errors', 1);
    if (status === 429) pipeline.hincrby(key, 'rateLimited', 1);
    pipeline.expire(key, API_KEY_USAGE_DAYS * 86_400 + 86_400);
    pipeline.exec().catch((error: unknown) => {
      this.logger.warn({ err: error, apiKeyId }, 'Could not count an API key request');
    });
  }

  /** The last `days` UTC days, oldest first, today included (zeros for quiet days). */
  async lastDays(apiKeyId: string, days: number, now = new Date()): Promise<ApiKeyUsageDay[]> {
    const dates = Array.from({ length: days }, (_, i) =>
      day(new Date(now.getTime() - (days - 1 - i) * DAY_MS)),
    );
    const pipeline = this.redis.pipeline();
    for (const date of dates) pipeline.hgetall(usageKey(apiKeyId, date));
    const results = (await pipeline.exec()) ?? [];
    return dates.map((date, i) => {
      const [error, hash] = results[i] ?? [null, {}];
      if (error) throw error;
      const counts = hash as Record<string, string>;
      return {
        date,
        requests: Number(counts.requests ?? 0),
        errors: Number(counts.errors ?? 0),
        rateLimited: Number(counts.rateLimited ?? 0),
      };
    });
  }
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function usageKey(apiKeyId: string, date: string): string {
  return `api-key:usage:${apiKeyId}:${date}`;
}
