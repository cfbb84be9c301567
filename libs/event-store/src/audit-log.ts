import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { StoredEventRecord } from './domain-event';
import { PersonalDataVault } from './personal-data-vault';
import { STORED_EVENT_COLUMNS, toRecord, type StoredEventRow } from './stored-event.mapper';

export interface AuditFilter {
  actorId?: string;
  /** Events whose personal data belongs to this person (`metadata.subject`). */
  subject?: string;
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

export interface SecuritySummary {
  since: Date;
  perHour: { hour: Date; type: string; count: number }[];
  topIps: { ip: string; count: number }[];
}

/**
 * Read side of the event store for administrators. Verifying the hash chain is
 * the audit module's VerifyChainHandler.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly em: EntityManager,
    private readonly vault: PersonalDataVault,
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
    if (filter.subject) add(`metadata->>'subject' = ?`, filter.subject);
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
}
