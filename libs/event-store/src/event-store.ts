import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { auditContext } from './audit-context';
import {
  personalFieldsOf,
  type DomainEvent,
  type EventMetadata,
  type StoredEventRecord,
} from './domain-event';
import { AuditAnchors } from './audit-anchors';
import { AuditChainKey, GENESIS_HASH } from './hash-chain';
import { PersonalDataVault } from './personal-data-vault';
import { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';

export interface StreamReadOptions {
  /** Only events of these types. */
  types?: string[];
  afterVersion?: number;
  beforeVersion?: number;
  limit?: number;
  newestFirst?: boolean;
}

/** Key of the transaction-scoped advisory lock that serialises appends to the chain. */
const CHAIN_LOCK_KEY = 7_130_001;

/**
 * Appends events to the single, global HMAC chain (keyed by AUDIT_CHAIN_KEY). Must be called inside the
 * transaction that changes the state the events describe: the advisory lock is
 * held until that transaction ends, so the chain has no forks and versions per
 * stream never collide.
 */
@Injectable()
export class EventStore {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly chainKey: AuditChainKey,
    private readonly anchors: AuditAnchors,
  ) {}

  async append(em: EntityManager, events: DomainEvent[]): Promise<StoredEventRecord[]> {
    if (events.length === 0) return [];
    if (!em.isInTransaction()) throw new Error('EventStore.append needs a transaction');
    const context = auditContext.current();

    await em.execute('select pg_advisory_xact_lock(?)', [CHAIN_LOCK_KEY]);
    await this.anchors.ensureStart(em);
    const [last] = await em.execute<{ hash: string }[]>(
      'select hash from event_store order by seq desc limit 1',
    );
    let prevHash = last?.hash ?? GENESIS_HASH;
    const nextVersion = new Map<string, number>();
    const stored: StoredEventRecord[] = [];

    for (const event of events) {
      const streamKey = `${event.streamType}\u0000${event.streamId}`;
      const version = (nextVersion.get(streamKey) ?? (await this.lastVersion(em, event))) + 1;
      nextVersion.set(streamKey, version);

      const metadata = { ...context, ...event.metadata };
      const content = {
        id: uuidv7(),
        streamType: event.streamType,
        streamId: event.streamId,
        version,
        type: event.type,
        ...(await this.sealPersonalData(em, event, metadata)),
        occurredAt: new Date(),
        prevHash,
      };
      const hash = this.chainKey.hash(content);
      const [row] = await em.execute<StoredEventRow[]>(
        `insert into event_store (id, stream_type, stream_id, version, type, payload, metadata, occurred_at, prev_hash, hash)
         values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) returning ${STORED_EVENT_COLUMNS}`,
        [
          content.id,
          content.streamType,
          content.streamId,
          content.version,
          content.type,
          JSON.stringify(content.payload),
          JSON.stringify(content.metadata),
          content.occurredAt,
          prevHash,
          hash,
        ],
      );
      Object.assign(event, {
        eventId: content.id,
        version,
        occurredAt: content.occurredAt,
        metadata,
      });
      stored.push(toRecord(row));
      prevHash = hash;
    }
    return stored;
  }

  /**
   * The history of one aggregate, oldest first (or newest first), optionally
   * only some event types and a window of stream versions, for paging; personal
   * data unsealed (or marked erased).
   */
  async readStream(
    em: EntityManager,
    streamType: string,
    streamId: string,
    options: StreamReadOptions = {},
  ): Promise<StoredEventRecord[]> {
    const where = ['stream_type = ?', 'stream_id = ?'];
    const params: unknown[] = [streamType, streamId];
    if (options.types) {
      where.push('type = any(?::text[])');
      params.push(`{${options.types.map((t) => JSON.stringify(t)).join(',')}}`);
    }
    if (options.afterVersion !== undefined) {
      where.push('version > ?');
      params.push(options.afterVersion);
    }
    if (options.beforeVersion !== undefined) {
      where.push('version < ?');
      params.push(options.beforeVersion);
    }
    const limit = options.limit === undefined ? '' : ' limit ?';
    if (options.limit !== undefined) params.push(options.limit);
    const rows = await em.execute<StoredEventRow[]>(
      `select ${STORED_EVENT_COLUMNS} from event_store where ${where.join(' and ')}
        order by version ${options.newestFirst ? 'desc' : 'asc'}${limit}`,
      params,
    );
    return this.vault.open(em, rows.map(toRecord));
  }

  /**
   * Moves the event's personal data (request ip and user agent, payload fields
   * its type declares personal) under its subject's key. Events without a
   * subject (e.g. a failed sign-in by someone unknown) are stored as they are.
   */
  private async sealPersonalData(
    em: EntityManager,
    event: DomainEvent,
    metadata: EventMetadata,
  ): Promise<{ payload: Record<string, unknown>; metadata: EventMetadata }> {
    const payload = event.payload as Record<string, unknown>;
    const subject =
      event.dataSubject ?? (metadata.actor?.type === 'user' ? metadata.actor.id : undefined);
    const ipHash = metadata.ip ? { ipHash: this.vault.ipHash(metadata.ip) } : {};
    if (!subject) return { payload, metadata: { ...metadata, ...ipHash } };

    const { ip, userAgent, ...rest } = metadata;
    const kept = { ...payload };
    const fields: Record<string, unknown> = {};
    for (const field of personalFieldsOf(event.type)) {
      if (field in kept) fields[field] = kept[field];
      delete kept[field];
    }
    const personal = await this.vault.seal(em, subject, { ip, userAgent, fields });
    return {
      payload: kept,
      metadata: {
        ...rest,
        subject,
        ...ipHash,
        ...(personal ? { personal } : { erased: true }),
      },
    };
  }

  private async lastVersion(em: EntityManager, event: DomainEvent): Promise<number> {
    const [row] = await em.execute<{ v: number }[]>(
      'select coalesce(max(version), 0)::int as v from event_store where stream_type = ? and stream_id = ?',
      [event.streamType, event.streamId],
    );
    return Number(row.v);
  }
}
