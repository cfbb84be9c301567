import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { StoredEventRecord } from './domain-event';
import { AuditAnchors, type AuditAnchor } from './audit-anchors';
import { AuditChainKey, GENESIS_HASH, hashEvent } from './hash-chain';
import { PersonalDataVault } from './personal-data-vault';
import { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';

export interface AuditFilter {
  actorId?: string;
  streamType?: string;
  streamId?: string;
  type?: string;
  /** Event types starting with this, e.g. `security.` */
  typePrefix?: string;
  ip?: string;
  from?: Date;
  to?: Date;
  /** Return events older than this sequence number (cursor paging, newest first). */
  beforeSeq?: string;
  limit: number;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBroken?: {
    id: string;
    seq: string;
    streamType: string;
    streamId: string;
    type: string;
    /** `anchor_mismatch`: the event differs from what a signed anchor pinned for its seq. */
    reason: 'hash_mismatch' | 'chain_broken' | 'anchor_mismatch';
  };
  /** The chain ends before the newest signed checkpoint: events were cut from the tail. */
  truncated?: { anchoredSeq: string; lastSeq: string | null };
  /** The anchors could not be trusted (unsigned, edited) or the start anchor is missing. */
  anchorProblem?: string;
  /** The newest checkpoint verify compared against, if any. */
  anchoredSeq?: string;
}

export interface SecuritySummary {
  since: Date;
  perHour: { hour: Date; type: string; count: number }[];
  topIps: { ip: string; count: number }[];
}

const VERIFY_BATCH = 1000;

/** Read side of the event store for administrators. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly em: EntityManager,
    private readonly vault: PersonalDataVault,
    private readonly chainKey: AuditChainKey,
    private readonly anchors: AuditAnchors,
  ) {}

  /** Newest first, at most `filter.limit` events. */
  async find(filter: AuditFilter): Promise<StoredEventRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (filter.actorId) add(`metadata->'actor'->>'id' = ?`, filter.actorId);
    if (filter.streamType) add('stream_type = ?', filter.streamType);
    if (filter.streamId) add('stream_id = ?', filter.streamId);
    if (filter.type) add('type = ?', filter.type);
    if (filter.typePrefix) add(`type like ? || '%'`, filter.typePrefix.replace(/[\\%_]/g, '\\$&'));
    if (filter.ip) {
      where.push(`(metadata->>'ip' = ? or metadata->>'ipHash' = ?)`);
      params.push(filter.ip, this.vault.ipHash(filter.ip));
    }
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (filter.beforeSeq) add('seq < ?', filter.beforeSeq);

    const em = this.em.fork();
    const rows = await em.execute<StoredEventRow[]>(
      `select ${STORED_EVENT_COLUMNS} from event_store
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by seq desc limit ?`,
      [...params, filter.limit],
    );
    return this.vault.open(em, rows.map(toRecord));
  }

  /** Security events since `since`: counts per type per hour, and the IPs that caused most. */
  async securitySummary(since: Date, topIps = 10): Promise<SecuritySummary> {
    const em = this.em.fork();
    const [perHour, ips] = await Promise.all([
      em.execute<{ hour: Date; type: string; count: string }[]>(
        `select date_trunc('hour', occurred_at) as hour, type, count(*) as count from event_store
          where type like 'security.%' and occurred_at >= ? group by 1, 2 order by 1, 2`,
        [since],
      ),
      em.execute<{ ip: string | null; ip_hash: string | null; count: string }[]>(
        `select max(metadata->>'ip') as ip, coalesce(metadata->>'ipHash', metadata->>'ip') as ip_hash,
                count(*) as count from event_store
          where type like 'security.%' and occurred_at >= ?
            and coalesce(metadata->>'ipHash', metadata->>'ip') is not null
          group by 2 order by 3 desc, 2 limit ?`,
        [since, topIps],
      ),
    ]);
    return {
      since,
      perHour: perHour.map((r) => ({
        hour: new Date(r.hour),
        type: r.type,
        count: Number(r.count),
      })),
      topIps: await Promise.all(
        ips.map(async (r) => ({
          ip: r.ip ?? (await this.sealedIp(em, r.ip_hash!)) ?? 'erased',
          count: Number(r.count),
        })),
      ),
    };
  }

  /** The IP behind a keyed hash, read from an event whose subject has not been erased. */
  private async sealedIp(em: EntityManager, ipHash: string): Promise<string | undefined> {
    const rows = await em.execute<StoredEventRow[]>(
      `select ${STORED_EVENT_COLUMNS} from event_store e
        where metadata->>'ipHash' = ? and exists (select 1 from personal_data_keys k
          where k.subject_id::text = e.metadata->>'subject' and k.sealed_key is not null)
        order by seq desc limit 1`,
      [ipHash],
    );
    const [event] = await this.vault.open(em, rows.map(toRecord));
    return event?.metadata.ip;
  }

  /**
   * Walks the whole chain in order and reports the first event that does not
   * hold, then whether the chain still reaches the newest signed checkpoint.
   * Events after the start anchor must carry the keyed hash (HMAC); events up
   * to it may carry the plain sha-256 of before, and the start anchor pins the
   * last of them.
   */
  async verify(): Promise<ChainVerification> {
    const anchors = await this.anchors.read();
    if (!anchors.ok) return { valid: false, checked: 0, anchorProblem: anchors.problem };
    const { start, latest } = anchors;
    const pinned = new Map<string, AuditAnchor>();
    for (const anchor of [start, latest])
      if (anchor && anchor.seq !== '0') pinned.set(anchor.seq, anchor);
    const legacyUntil = start ? BigInt(start.seq) : -1n;

    const em = this.em.fork();
    let prevHash = GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    let lastSeq: string | null = null;
    for (;;) {
      const rows = await em.execute<StoredEventRow[]>(
        `select ${STORED_EVENT_COLUMNS} from event_store where seq > ? order by seq limit ?`,
        [afterSeq, VERIFY_BATCH],
      );
      for (const row of rows) {
        const event = toRecord(row);
        const keyed = this.chainKey.hash(event) === event.hash;
        const reason =
          event.prevHash !== prevHash
            ? 'chain_broken'
            : !keyed && !(BigInt(event.seq) <= legacyUntil && hashEvent(event) === event.hash)
              ? 'hash_mismatch'
              : pinned.has(event.seq) && pinned.get(event.seq)!.hash !== event.hash
                ? 'anchor_mismatch'
                : undefined;
        if (reason) {
          return {
            valid: false,
            checked,
            firstBroken: {
              id: event.id,
              seq: event.seq,
              streamType: event.streamType,
              streamId: event.streamId,
              type: event.type,
              reason,
            },
          };
        }
        checked += 1;
        prevHash = event.hash;
        afterSeq = event.seq;
        lastSeq = event.seq;
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    const result: ChainVerification = { valid: true, checked };
    if (latest) result.anchoredSeq = latest.seq;
    const reach = [start, latest].filter((a): a is AuditAnchor => !!a && a.seq !== '0');
    for (const anchor of reach) {
      if (lastSeq === null || BigInt(lastSeq) < BigInt(anchor.seq)) {
        return { ...result, valid: false, truncated: { anchoredSeq: anchor.seq, lastSeq } };
      }
    }
    if (!start && checked > 0) {
      return { ...result, valid: false, anchorProblem: 'start anchor missing' };
    }
    return result;
  }
}
