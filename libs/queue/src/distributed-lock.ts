import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { InjectRedis } from './redis.module';

const RELEASE_IF_OWNER = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

/** Redis locks that hold across every replica sharing one Redis. */
@Injectable()
export class DistributedLock {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  /**
   * Runs `fn` only if no other holder has `key`; the lock expires after `ttlMs`
   * in case the holder dies, and is released compare-and-delete otherwise.
   */
  async runExclusive<T>(
    key: string,
    ttlMs: number,
    fn: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const token = randomUUID();
    const acquired = await this.redis.set(`lock:${key}`, token, 'PX', ttlMs, 'NX');
    if (acquired !== 'OK') return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await this.redis.eval(RELEASE_IF_OWNER, 1, `lock:${key}`, token);
    }
  }

  /**
   * Runs `fn` at most once per time slot of `slotMs` across all replicas: the
   * slot's key is kept until the slot is over, so a replica whose timer fires a
   * little later in the same slot skips it. Use it for @Cron/@Interval ticks.
   */
  async runOncePerSlot<T>(
    name: string,
    slotMs: number,
    fn: () => Promise<T>,
    now = Date.now(),
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const slot = Math.floor(now / slotMs);
    const acquired = await this.redis.set(`tick:${name}:${slot}`, '1', 'PX', slotMs * 2, 'NX');
    if (acquired !== 'OK') return { ran: false };
    return { ran: true, value: await fn() };
  }
}
