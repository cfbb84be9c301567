import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { idempotencyProblems } from './idempotency.problems';

/** How long a key and its answer are kept (Stripe: 24 hours). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A duplicate waits this long for the first request's answer, then gets 409. */
const WAIT_FOR_FIRST_MS = 15_000;
/** A claim this old without an answer belongs to a process that died: it may be taken over. */
const ABANDONED_AFTER_SECONDS = 120;

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer };

interface Row {
  fingerprint: string;
  completed: boolean;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  locked_at: Date;
  stale: boolean;
}

/**
 * Idempotency records in PostgreSQL: the claim is one `insert … on conflict do nothing`
 * (exactly one concurrent request wins), and the answer is kept with the resource's data,
 * surviving a Redis flush. Requests without the header never reach this.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly em: EntityManager) {}

  /**
   * Claims `key` for `owner`, or returns the answer of the first request with it.
   * Waits (bounded) while that request runs; 422 when the key came with another request.
   */
  async claim(owner: string, userId: string, key: string, fingerprint: string): Promise<Claim> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      if (await this.insert(owner, userId, key, fingerprint)) return { kind: 'claimed' };
      const row = await this.read(owner, key);
      if (row && row.fingerprint !== fingerprint) {
        throw idempotencyProblems.problem(
          'idempotency.key_reused',
          'This Idempotency-Key was used with a different request',
        );
      }
      if (row?.completed) {
        return {
          kind: 'replay',
          answer: {
            status: row.response_status ?? 200,
            headers: row.response_headers ?? {},
            body: row.response_body,
          },
        };
      }
      if (row?.stale) await this.drop(owner, key, row.locked_at);
      else if (row) {
        if (Date.now() > deadline) {
          throw idempotencyProblems.problem(
            'idempotency.in_progress',
            'The first request with this Idempotency-Key has not finished yet',
          );
        }
        await sleep(pause);
      }
    }
  }

  async complete(owner: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'update idempotency_records set completed_at = now(), response_status = ?, response_headers = ?, response_body = ? where owner = ? and key = ?',
        [answer.status, JSON.stringify(answer.headers), answer.body, owner, key],
        'run',
      );
  }

  /** The first request failed: nothing is kept, so a retry with the key runs again. */
  async release(owner: string, key: string): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'delete from idempotency_records where owner = ? and key = ? and completed_at is null',
        [owner, key],
        'run',
      );
  }

  /** Stored answers hold personal data: they go with the account. */
  async eraseUser(userId: string): Promise<void> {
    await this.em
      .getConnection()
      .execute('delete from idempotency_records where user_id = ?', [userId], 'run');
  }

  /** Deletes expired records; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.em.getConnection().execute<{
      affectedRows?: number;
    }>('delete from idempotency_records where expires_at < now()', [], 'run');
    return result.affectedRows ?? 0;
  }

  private async insert(
    owner: string,
    userId: string,
    key: string,
    fingerprint: string,
  ): Promise<boolean> {
    const rows = await this.em.getConnection().execute<unknown[]>(
      `insert into idempotency_records (owner, user_id, key, fingerprint, locked_at, expires_at)
       values (?, ?, ?, ?, now(), now() + make_interval(hours => ?))
       on conflict (owner, key) do nothing returning owner`,
      [owner, userId, key, fingerprint, IDEMPOTENCY_TTL_HOURS],
      'all',
    );
    return rows.length === 1;
  }

  /** The live record; an expired one counts as absent (and is removed). */
  private async read(owner: string, key: string): Promise<Row | undefined> {
    const [row] = await this.em.getConnection().execute<(Row & { expired: boolean })[]>(
      `select fingerprint, completed_at is not null as completed, response_status,
              response_headers, response_body, locked_at, expires_at < now() as expired,
              (completed_at is null and locked_at < now() - make_interval(secs => ?)) as stale
         from idempotency_records where owner = ? and key = ?`,
      [ABANDONED_AFTER_SECONDS, owner, key],
      'all',
    );
    if (row?.expired) {
      await this.drop(owner, key, row.locked_at);
      return undefined;
    }
    return row;
  }

  /** Removes the record only if nobody claimed it again meanwhile. */
  private async drop(owner: string, key: string, lockedAt: Date): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        'delete from idempotency_records where owner = ? and key = ? and locked_at = ?',
        [owner, key, lockedAt],
        'run',
      );
  }
}
