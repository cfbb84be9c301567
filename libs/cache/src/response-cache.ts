import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import { CACHE_TTL_SECONDS, type CacheTtl } from './cache-presets';

const KEY = 'response-cache:';
const TAG = 'response-cache-tag:';

export interface CachedResponse {
  body: string;
  etag: string;
}

/**
 * Serialized answers in Redis, shared by every replica, each under a key with
 * tags; the owning module drops them by tag from its event handlers
 * (e.g. `job:123`, `user:42:profile`). Redis trouble never fails a request:
 * a read miss or a lost write just means computing the answer again.
 */
@Injectable()
export class ResponseCache {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async get(key: string): Promise<CachedResponse | undefined> {
    const raw = await this.redis.get(`${KEY}${key}`).catch(() => null);
    return raw ? (JSON.parse(raw) as CachedResponse) : undefined;
  }

  async set(key: string, value: CachedResponse, ttl: CacheTtl, tags: string[] = []): Promise<void> {
    const seconds = CACHE_TTL_SECONDS[ttl];
    const batch = this.redis.multi().set(`${KEY}${key}`, JSON.stringify(value), 'EX', seconds);
    for (const tag of tags) {
      // A tag lives as long as its longest entry; dropping it drops all of them.
      batch.sadd(`${TAG}${tag}`, key).expire(`${TAG}${tag}`, seconds, 'GT');
      batch.expire(`${TAG}${tag}`, seconds, 'NX');
    }
    await batch.exec().catch(() => undefined);
  }

  /** Drops every answer stored with any of these tags. Call it after the change has committed. */
  async invalidate(...tags: string[]): Promise<void> {
    for (const tag of tags) {
      const keys = await this.redis.smembers(`${TAG}${tag}`);
      const batch = this.redis.multi().del(`${TAG}${tag}`);
      for (const key of keys) batch.del(`${KEY}${key}`);
      await batch.exec();
    }
  }
}
