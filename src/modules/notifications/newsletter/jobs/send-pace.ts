import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { InjectRedis } from '@lib/queue';

const KEY = 'newsletter:send-pace';

/**
 * Spaces newsletter provider calls NEWSLETTER_SEND_RATE per second across every
 * worker: a call takes the Redis slot for one interval (SET NX PX), the next
 * waits until it expires. A 429 holds the slot for the provider's Retry-After.
 */
@Injectable()
export class NewsletterSendPace {
  private readonly intervalMs: number;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.intervalMs = Math.ceil(1000 / config.env.NEWSLETTER_SEND_RATE);
  }

  async take(): Promise<void> {
    for (;;) {
      if (await this.redis.set(KEY, '1', 'PX', this.intervalMs, 'NX')) return;
      const ttl = await this.redis.pttl(KEY);
      await sleep(Math.max(ttl, 1));
    }
  }

  /** Nobody calls before `ms` from now. */
  async hold(ms: number): Promise<void> {
    await this.redis.set(KEY, '1', 'PX', Math.max(1, Math.ceil(ms)));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
