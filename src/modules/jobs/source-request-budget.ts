import { Logger } from '@nestjs/common';
import type { RequestBudget } from '@lib/providers';
import type { RateLimiter } from '@lib/rate-limit';

/** Sources whose terms cap requests: per minute and per day, counted in the shared Redis. */
const LIMITS: Record<string, { perMinute: number; perDay: number }> = {
  adzuna: { perMinute: 25, perDay: 250 },
};
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** How long to wait when the budget's store cannot be reached (the cap is not skipped). */
const STORE_DOWN_WAIT_SECONDS = 60;

/** A source's request allowance shared by every replica, on the sliding-window RateLimiter. */
export class SourceRequestBudget implements RequestBudget {
  private readonly logger = new Logger(SourceRequestBudget.name);

  constructor(private readonly limiter: RateLimiter) {}

  async take(
    source: string,
  ): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    const limits = LIMITS[source];
    if (!limits) return { allowed: true };
    try {
      const day = await this.limiter.consume(
        'job-source-day',
        source,
        limits.perDay,
        DAY_MS,
        'deny',
      );
      if (!day.allowed) return { allowed: false, retryAfterSeconds: day.retryAfterSeconds };
      const minute = await this.limiter.consume(
        'job-source-minute',
        source,
        limits.perMinute,
        MINUTE_MS,
        'deny',
      );
      if (!minute.allowed) return { allowed: false, retryAfterSeconds: minute.retryAfterSeconds };
      return { allowed: true };
    } catch (error) {
      this.logger.warn({ source, err: error }, 'Job source budget unavailable');
      return { allowed: false, retryAfterSeconds: STORE_DOWN_WAIT_SECONDS };
    }
  }
}
