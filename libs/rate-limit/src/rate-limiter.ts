import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Problem } from '@lib/problems';
import { InjectRedis } from '@lib/queue';
import type { WhenStoreDown } from './policies';
import { SLIDING_WINDOW_SCRIPT } from './sliding-window.script';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Until one more request fits: the oldest counted request leaves the window. */
  resetMs: number;
  /** `resetMs` rounded up to whole seconds, for Retry-After. */
  retryAfterSeconds: number;
  /** False when Redis was unreachable and the request was let through uncounted (fail-open). */
  counted: boolean;
}

const SCRIPT_SHA = createHash('sha1').update(SLIDING_WINDOW_SCRIPT).digest('hex');
/** A rate-limit check must not hold a request up for long when Redis is slow or gone. */
const STORE_TIMEOUT_MS = 1000;

type ScriptReply = [allowed: number, remaining: number, resetMs: number];

/** Sliding-window rate limits kept in the Redis every replica shares. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(@InjectRedis() private readonly redis: Redis) {}

  /**
   * Counts one request against `bucket`/`key` if it fits within `limit` per
   * `windowMs`. When Redis fails, `whenStoreDown` decides: `allow` lets the
   * request through uncounted, `deny` throws a 503 problem.
   */
  async consume(
    bucket: string,
    key: string,
    limit: number,
    windowMs: number,
    whenStoreDown: WhenStoreDown = 'allow',
  ): Promise<RateLimitDecision> {
    let reply: ScriptReply;
    try {
      reply = await withTimeout(this.runScript(`ratelimit:${bucket}:${key}`, limit, windowMs));
    } catch (error: unknown) {
      this.logger.warn({ err: error, bucket, whenStoreDown }, 'Rate-limit store unavailable');
      if (whenStoreDown === 'deny') {
        throw Problem.unavailable(
          'rate_limit.unavailable',
          'This action is rate limited and the limiter is unavailable; try again shortly',
        );
      }
      return {
        allowed: true,
        limit,
        remaining: limit,
        resetMs: 0,
        retryAfterSeconds: 0,
        counted: false,
      };
    }
    const [allowed, remaining, resetMs] = reply;
    return {
      allowed: allowed === 1,
      limit,
      remaining: Math.max(0, remaining),
      resetMs,
      retryAfterSeconds: Math.ceil(resetMs / 1000),
      counted: true,
    };
  }

  /**
   * The budget left in `bucket`/`key` without counting anything (for headers on answers
   * refused before the limiter ran); null when Redis cannot tell.
   */
  async peek(
    bucket: string,
    key: string,
    limit: number,
    windowMs: number,
  ): Promise<RateLimitDecision | null> {
    try {
      const [, remaining, resetMs] = await withTimeout(
        this.runScript(`ratelimit:${bucket}:${key}`, limit, windowMs, true),
      );
      return {
        allowed: true,
        limit,
        remaining: Math.max(0, remaining),
        resetMs,
        retryAfterSeconds: Math.ceil(resetMs / 1000),
        counted: true,
      };
    } catch (error: unknown) {
      this.logger.warn({ err: error, bucket }, 'Rate-limit store unavailable');
      return null;
    }
  }

  /** EVALSHA, loading the script with EVAL when this Redis has not seen it yet. */
  private async runScript(
    key: string,
    limit: number,
    windowMs: number,
    peek = false,
  ): Promise<ScriptReply> {
    const args = [limit, windowMs, randomUUID(), peek ? '1' : '0'];
    try {
      return (await this.redis.evalsha(SCRIPT_SHA, 1, key, ...args)) as ScriptReply;
    } catch (error: unknown) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await this.redis.eval(SLIDING_WINDOW_SCRIPT, 1, key, ...args)) as ScriptReply;
    }
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${STORE_TIMEOUT_MS} ms`)),
      STORE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
