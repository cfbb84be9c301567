import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { InjectRedis, RedisBroadcast } from '@lib/queue';
import { PendingAccessDenial } from '../entities/pending-access-denial.entity';

export interface DeniedAccessToken {
  jti: string;
  expiresAt: Date;
}

interface Denied {
  jti: string;
  expiresAt: number;
}

const KEY = 'denylist:jti:';
const CHANNEL = 'denylist';
const PRUNE_EVERY_MS = 60_000;
/** Attempts at writing a denial before it is parked for the sweep, and the first pause. */
const DENY_ATTEMPTS = 3;
const DENY_BACKOFF_MS = 100;
/** How many parked denials one sweep writes. */
const SWEEP_BATCH = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Revoked access tokens, by jti, kept in Redis until they would have expired anyway.
 * Every replica also keeps them in memory, fed by pub/sub, so an authenticated
 * request costs no Redis round trip; while the subscription is down or catching up
 * (a gap in which messages may be missed) it asks Redis, never "allow" by default.
 *
 * Denials are written after the revocation committed; when Redis fails then, a few
 * bounded retries follow, and what still fails is logged at error level and parked
 * in PostgreSQL (`pending_access_denials`) for the sweep to write once Redis is
 * back, so a logout is never silently lost.
 */
@Injectable()
export class AccessTokenDenylist implements OnModuleInit {
  private readonly logger = new Logger(AccessTokenDenylist.name);
  private readonly local = new Map<string, number>();

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly broadcast: RedisBroadcast,
    private readonly config: AppConfig,
    private readonly em: EntityManager,
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

  async deny(tokens: DeniedAccessToken[]): Promise<void> {
    const live = tokens.filter((t) => t.expiresAt.getTime() > Date.now());
    if (live.length === 0) return;
    for (const t of live) this.local.set(t.jti, t.expiresAt.getTime());
    for (let attempt = 1; attempt <= DENY_ATTEMPTS; attempt++) {
      try {
        await this.write(live);
        return;
      } catch (error) {
        if (attempt === DENY_ATTEMPTS) {
          this.logger.error(
            `Redis refused to deny ${live.length} access token(s) after ${DENY_ATTEMPTS} attempts ` +
              `(${(error as Error).message}); parked for the sweep`,
          );
        } else {
          await pause(DENY_BACKOFF_MS * 4 ** (attempt - 1));
        }
      }
    }
    await this.park(live);
  }

  async isDenied(jti: string): Promise<boolean> {
    if (!this.broadcast.live) return (await this.redis.exists(`${KEY}${jti}`)) === 1;
    const expiresAt = this.local.get(jti);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.local.delete(jti); // expired: the token itself is refused as expired now
    return false;
  }

  /** Writes parked denials to Redis and forgets them; returns how many. Throws while Redis is down. */
  async retryPending(now = new Date()): Promise<number> {
    const em = this.em.fork();
    await em.nativeDelete(PendingAccessDenial, { expiresAt: { $lte: now } });
    const pending = await em.find(PendingAccessDenial, {}, { limit: SWEEP_BATCH });
    if (pending.length === 0) return 0;
    await this.write(pending);
    await em.nativeDelete(PendingAccessDenial, { jti: { $in: pending.map((p) => p.jti) } });
    return pending.length;
  }

  /** Stores the denials in Redis, then tells every replica. */
  private async write(tokens: DeniedAccessToken[]): Promise<void> {
    const denied: Denied[] = tokens.map((t) => ({ jti: t.jti, expiresAt: t.expiresAt.getTime() }));
    const batch = this.redis.multi();
    for (const t of denied) batch.set(`${KEY}${t.jti}`, '1', 'PXAT', t.expiresAt);
    const results = await batch.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('denylist transaction aborted');
    await this.broadcast.publish(CHANNEL, JSON.stringify(denied));
  }

  private async park(tokens: DeniedAccessToken[]): Promise<void> {
    await this.em
      .fork()
      .insertMany(
        PendingAccessDenial,
        tokens.map((t) => ({ jti: t.jti, expiresAt: t.expiresAt, createdAt: new Date() })),
      )
      .catch(async () => {
        // Some are parked already (a retried logout): park the others one by one.
        for (const t of tokens) {
          await this.em.fork().upsert(PendingAccessDenial, {
            jti: t.jti,
            expiresAt: t.expiresAt,
            createdAt: new Date(),
          });
        }
      });
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
