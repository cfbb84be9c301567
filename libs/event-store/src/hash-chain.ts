import { createHash, createHmac } from 'node:crypto';
import type { EventMetadata } from './domain-event';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  id: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  payload: unknown;
  metadata: EventMetadata;
  occurredAt: Date;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every level, so that a payload read back
 * from jsonb (which reorders keys) hashes the same as when it was written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function chainInput(event: HashedContent): string {
  return canonicalJson({
    id: event.id,
    streamType: event.streamType,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    payload: event.payload,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    prevHash: event.prevHash,
  });
}

/**
 * Plain sha-256 over the event's content and the previous event's hash: how the
 * chain was written before it was keyed. Anyone can recompute it, so verify
 * accepts it only for events older than the start anchor (see AuditAnchors).
 */
export function hashEvent(event: HashedContent): string {
  return createHash('sha256').update(chainInput(event)).digest('hex');
}

/**
 * The key of the audit chain, from AUDIT_CHAIN_KEY: kept out of the database, so
 * someone who can write to the database cannot recompute the chain after an edit.
 */
export class AuditChainKey {
  constructor(readonly key: Buffer) {
    if (key.length < 32) throw new Error('The audit chain key must be at least 32 bytes');
  }

  /** HMAC-SHA256 over the event's content and the previous event's hash. */
  hash(event: HashedContent): string {
    return createHmac('sha256', this.key).update(chainInput(event)).digest('hex');
  }
}
