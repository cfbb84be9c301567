import { Injectable, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { InjectRedis, RedisBroadcast } from '@lib/queue';

const KEY = 'denylist:jti:';
const CHANNEL = 'denylist';
const PRUNE_EVERY_MS = 60_000;

interface Denied {
  jti: string;
  expiresAt: number;
}

/**
 * Revoked access tokens, by jti, kept in Redis until they would have expired anyway.
 * Every replica also keeps them in memory, fed by pub/sub, so an authenticated
 * request costs no Redis round trip; while the subscription is down or catching up
 * (a gap in which messages may be missed) it asks Redis, never "allow" by default.
 */
@Injectable()
export class AccessTokenDenylist implements OnModuleInit {
  private readonly local = new Map<string, number>();

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly broadcast: RedisBroadcast,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.broadcast.listen(CHANNEL, {
      message: (message) => {
        for (const t of JSON.parse(message) as Denied[]) this.local.set(t.jti, t.expiresAt);
      },
      resync: () => this.resync(),
    });
    setInterval(() => this.prune(), PRUNE_EVERY_MS).unref();
  }

  async deny(tokens: { jti: string; expiresAt: Date }[]): Promise<void> {
    const live: Denied[] = tokens
      .map((t) => ({ jti: t.jti, expiresAt: t.expiresAt.getTime() }))
      .filter((t) => t.expiresAt > Date.now());
    if (live.length === 0) return;
    const batch = this.redis.multi();
    for (const t of live) batch.set(`${KEY}${t.jti}`, '1', 'PXAT', t.expiresAt);
    await batch.exec();
    for (const t of live) this.local.set(t.jti, t.expiresAt);
    await this.broadcast.publish(CHANNEL, JSON.stringify(live));
  }

  async isDenied(jti: string): Promise<boolean> {
    if (!this.broadcast.live) return (await this.redis.exists(`${KEY}${jti}`)) === 1;
    const expiresAt = this.local.get(jti);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.local.delete(jti); // expired: the token itself is refused as expired now
    return false;
  }

  /** Reloads every denied jti from Redis (after a gap in the subscription). */
  private async resync(): Promise<void> {
    const prefix = `${this.config.env.REDIS_PREFIX}:`;
    const stream = this.redis.scanStream({ match: `${prefix}${KEY}*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length === 0) continue;
      const batch = this.redis.pipeline();
      // scan returns full names; commands add the prefix again, so strip it.
      for (const key of keys) batch.pexpiretime(key.slice(prefix.length));
      const results = (await batch.exec()) ?? [];
      keys.forEach((key, i) => {
        const expiresAt = results[i]?.[1];
        if (typeof expiresAt === 'number' && expiresAt > 0) {
          this.local.set(key.slice(prefix.length + KEY.length), expiresAt);
        }
      });
    }
    this.prune();
  }

  private prune(): void {
    const now = Date.now();
    for (const [jti, expiresAt] of this.local) if (expiresAt <= now) this.local.delete(jti);
  }
}
