import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import { PendingAccessDenial } from '../entities/pending-access-denial.entity';

export interface DeniedAccessToken {
  jti: string;
  expiresAt: Date;
}

/** Attempts at writing a denial before it is parked for the sweep, and the first pause. */
const DENY_ATTEMPTS = 3;
const DENY_BACKOFF_MS = 100;
/** How many parked denials one sweep writes. */
const SWEEP_BATCH = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Revoked access tokens, by jti, kept in Redis until they would have expired
 * anyway. Denials are written after the revocation committed; when Redis fails
 * then, a few bounded retries follow, and what still fails is logged at error
 * level and parked in PostgreSQL (`pending_access_denials`) for the sweep to
 * write once Redis is back, so a logout is never silently lost.
 */
@Injectable()
export class AccessTokenDenylist {
  private readonly logger = new Logger(AccessTokenDenylist.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly em: EntityManager,
  ) {}

  async deny(tokens: DeniedAccessToken[]): Promise<void> {
    const live = tokens.filter((t) => t.expiresAt.getTime() > Date.now());
    if (live.length === 0) return;
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
    return (await this.redis.exists(`denylist:jti:${jti}`)) === 1;
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

  private async write(tokens: DeniedAccessToken[]): Promise<void> {
    const batch = this.redis.multi();
    for (const t of tokens) batch.set(`denylist:jti:${t.jti}`, '1', 'PXAT', t.expiresAt.getTime());
    const results = await batch.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('denylist transaction aborted');
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
}
