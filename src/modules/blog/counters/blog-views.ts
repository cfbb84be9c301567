import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import { pgArray } from '../content/pg-array';

const PENDING = 'blog:views:pending';
const FLUSHING = 'blog:views:flushing';
const DAY_SECONDS = 86_400;

/** Adds a visitor to the post's set for the day; only a new member adds to the pending count. */
const COUNT_SCRIPT = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0`;

/**
 * Views, deduplicated per visitor (a hash of the user id, or of IP and
 * user agent) and UTC day in Redis, counted into one hash that the flush job
 * moves to PostgreSQL. The hash is renamed before it is read, so views counted
 * during a flush wait for the next one; a flush that dies after the rename is
 * picked up by the next run before it renames again.
 */
@Injectable()
export class BlogViews {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async count(postId: string, visitor: string, now = new Date()): Promise<boolean> {
    const day = now.toISOString().slice(0, 10);
    const member = createHash('sha256').update(visitor).digest('base64url').slice(0, 22);
    const added = await this.redis.eval(
      COUNT_SCRIPT,
      2,
      `blog:viewers:${day}:${postId}`,
      PENDING,
      member,
      postId,
      String(DAY_SECONDS * 2),
    );
    return added === 1;
  }

  /** Moves pending counts into `blog_posts.views`; returns how many views were written. */
  async flush(em: EntityManager): Promise<number> {
    if (!(await this.redis.exists(FLUSHING))) {
      try {
        await this.redis.rename(PENDING, FLUSHING);
      } catch {
        return 0; // nothing pending
      }
    }
    const counts = await this.redis.hgetall(FLUSHING);
    const entries = Object.entries(counts).filter(([, n]) => Number(n) > 0);
    if (entries.length > 0) {
      await em.execute(
        `update blog_posts p set views = p.views + v.n
         from (select unnest(?::uuid[]) as id, unnest(?::int[]) as n) v where p.id = v.id`,
        [pgArray(entries.map(([id]) => id)), pgArray(entries.map(([, n]) => Number(n)))],
      );
    }
    await this.redis.del(FLUSHING);
    return entries.reduce((sum, [, n]) => sum + Number(n), 0);
  }
}
