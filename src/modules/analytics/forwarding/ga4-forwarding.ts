import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { ANALYTICS_FORWARDER, type AnalyticsForwarder } from '@lib/providers';
import { DistributedLock, InjectRedis } from '@lib/queue';
import { ga4Batches, type StoredAnalyticsEvent } from './ga4-batches';

const CURSOR_KEY = 'analytics:ga4:cursor';
/** Ids of the current page's events already accepted by GA4 (batches sent before a failure). */
const SENT_KEY = 'analytics:ga4:sent';
const PAGE = 500;
/** Rows younger than this may still have uncommitted neighbours with smaller ids: wait for them. */
const SETTLE_MS = 5_000;
/** GA4 drops events older than 72 hours: a first run (no cursor yet) starts there. */
const GA4_MAX_AGE_MS = 72 * 3_600_000;

/** A UUIDv7 bound for "inserted before `ms`" (ids are time-ordered by insertion). */
function uuidv7At(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Forwards stored events (server-side and client ones) to GA4 in batches of at most
 * 25, in insertion order from a cursor kept in Redis, one replica at a time. Each
 * accepted batch's event ids are added to a set in Redis before the next request; a
 * failed request throws before the cursor moves, and the job's retry sends only the
 * page's events not in that set, so batches GA4 already took are not sent twice (short
 * of a crash between GA4's answer and that write). Moving the cursor empties the set.
 */
@Injectable()
export class Ga4Forwarding {
  constructor(
    private readonly em: EntityManager,
    @Inject(ANALYTICS_FORWARDER) private readonly forwarder: AnalyticsForwarder,
    @InjectRedis() private readonly redis: Redis,
    private readonly lock: DistributedLock,
  ) {}

  get enabled(): boolean {
    return this.forwarder.name !== 'none';
  }

  /** Sends what was stored since the last run; returns the number of events sent. */
  async forwardPending(now = Date.now()): Promise<number> {
    if (!this.enabled) return 0;
    const outcome = await this.lock.runExclusive('analytics-ga4-forward', 5 * 60_000, async () => {
      let sent = 0;
      let cursor = (await this.redis.get(CURSOR_KEY)) ?? uuidv7At(now - GA4_MAX_AGE_MS);
      const horizon = uuidv7At(now - SETTLE_MS);
      for (;;) {
        const rows = await this.em.fork().execute<StoredAnalyticsEvent[]>(
          `select id, name, user_id, client_id, properties, occurred_at from analytics_events
           where id > ? and id < ? order by id limit ${PAGE}`,
          [cursor, horizon],
        );
        if (rows.length === 0) return sent;
        const alreadySent = new Set(await this.redis.smembers(SENT_KEY));
        const unsent = rows.filter((row) => !alreadySent.has(row.id));
        for (const { batch, eventIds } of ga4Batches(unsent)) {
          await this.forwarder.send(batch);
          await this.redis.sadd(SENT_KEY, ...eventIds);
          sent += batch.events.length;
        }
        cursor = rows[rows.length - 1].id;
        await this.redis.multi().set(CURSOR_KEY, cursor).del(SENT_KEY).exec();
        if (rows.length < PAGE) return sent;
      }
    });
    return outcome.ran ? outcome.value : 0;
  }
}
