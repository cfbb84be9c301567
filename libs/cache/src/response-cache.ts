import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import { CACHE_TTL_SECONDS, type CacheTtl } from './cache-presets';

const KEY = 'response-cache:';
const VERSION = 'response-cache-version:';
/** Tag versions outlive every entry that could carry them. */
const VERSION_TTL_SECONDS = 2 * Math.max(...Object.values(CACHE_TTL_SECONDS));

export interface CachedResponse {
  body: string;
  etag: string;
}

interface StoredResponse extends CachedResponse {
  /** The versions of the entry's tags read before its answer was computed. */
  stamp: string;
}

/** A lookup: the answer when it is current, and the stamp to store a fresh one under. */
export interface CacheLookup {
  hit?: CachedResponse;
  stamp: string;
}

/**
 * Reads the versions of the tags (KEYS[2..]) and the entry (KEYS[1]) in one round trip.
 * Replies `{stamp}` on a miss, `{stamp, entry}` otherwise.
 */
const LOOKUP_SCRIPT = `
local versions = {}
for i = 2, #KEYS do versions[i - 1] = redis.call('GET', KEYS[i]) or '0' end
local stamp = 'v' .. table.concat(versions, ',')
local entry = redis.call('GET', KEYS[1])
if entry then return {stamp, entry} end
return {stamp}`;

type ScriptedRedis = Redis & {
  responseCacheLookup(keyCount: number, ...keys: string[]): Promise<[string, string?]>;
};

/**
 * Serialized answers in Redis, shared by every replica. Each tag (e.g. `job:123`,
 * `user:42:profile`) has a version; an answer is stored with the versions of its tags read
 * before it was computed, and served only while they are unchanged. Dropping a tag bumps its
 * version (one O(1) write, however many answers carry it), so an answer computed from data
 * read before a change can never be served after the change's invalidation, even when it is
 * stored after it. Redis trouble never fails a request: a read miss or a lost write just
 * means computing the answer again.
 */
@Injectable()
export class ResponseCache {
  private readonly redis: ScriptedRedis;

  constructor(@InjectRedis() redis: Redis) {
    redis.defineCommand('responseCacheLookup', { lua: LOOKUP_SCRIPT });
    this.redis = redis as ScriptedRedis;
  }

  async lookup(key: string, tags: string[] = []): Promise<CacheLookup> {
    const keys = [`${KEY}${key}`, ...tags.map((tag) => `${VERSION}${tag}`)];
    const reply = await this.redis.responseCacheLookup(keys.length, ...keys).catch(() => null);
    if (!reply) return { stamp: '' };
    const [stamp, raw] = reply;
    const stored = raw ? (JSON.parse(raw) as StoredResponse) : undefined;
    return stored?.stamp === stamp
      ? { hit: { body: stored.body, etag: stored.etag }, stamp }
      : { stamp };
  }

  /** Stores an answer under the stamp its lookup returned (before the answer was computed). */
  async set(key: string, value: CachedResponse, ttl: CacheTtl, stamp: string): Promise<void> {
    const stored: StoredResponse = { ...value, stamp };
    await this.redis
      .set(`${KEY}${key}`, JSON.stringify(stored), 'EX', CACHE_TTL_SECONDS[ttl])
      .catch(() => undefined);
  }

  /** Drops every answer stored with any of these tags. Call it after the change has committed. */
  async invalidate(...tags: string[]): Promise<void> {
    const batch = this.redis.multi();
    for (const tag of tags)
      batch.incr(`${VERSION}${tag}`).expire(`${VERSION}${tag}`, VERSION_TTL_SECONDS);
    await batch.exec();
  }
}
