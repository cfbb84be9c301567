import type { StoredEventRecord } from './domain-event';

export interface StoredEventRow {
  seq: string | number;
  id: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  payload: Record<string, unknown>;
  metadata: StoredEventRecord['metadata'];
  occurred_at: Date;
  published_at: Date | null;
  prev_hash: string;
  hash: string;
}

export const STORED_EVENT_COLUMNS =
  'seq, id, stream_type, stream_id, version, type, payload, metadata, occurred_at, published_at, prev_hash, hash';

export function toRecord(row: StoredEventRow): StoredEventRecord {
  return {
    seq: String(row.seq),
    id: row.id,
    streamType: row.stream_type,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    payload: row.payload,
    metadata: row.metadata,
    occurredAt: new Date(row.occurred_at),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
