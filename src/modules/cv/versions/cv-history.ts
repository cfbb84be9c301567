import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventStore, type StoredEventRecord } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { replayPatches, type CvState } from '../domain/cv-state';
import {
  CV_STREAM,
  CV_VERSION_EVENT_TYPES,
  type CvVersionCopy,
  type CvVersionPayload,
} from '../events/cv.events';

/** One version as the event store recorded it. */
export interface CvVersionRecord {
  version: number;
  kind: 'created' | 'updated' | 'restored';
  createdAt: Date;
  actor: { type: 'user' | 'system' | 'api-key'; id: string } | null;
  summary: string;
  restoredFrom?: number;
  /** Stream version of the event: the paging position. */
  position: number;
  payload: CvVersionPayload;
}

export const versionNotFound = () => Problem.notFound('CV version', 'cv.version_not_found');

/**
 * A CV's versions, read from its events in the event store. A version's state
 * is rebuilt by replaying the patches of versions 1..n, never taken from the
 * current row. A version sealed with a former owner's key that has since been
 * shredded is read from the copy the hand-over made (`cv.transferred`).
 */
@Injectable()
export class CvHistory {
  constructor(private readonly events: EventStore) {}

  /** Newest first, `limit` versions older than stream position `before`. */
  async page(
    em: EntityManager,
    cvId: string,
    limit: number,
    before?: number,
  ): Promise<CvVersionRecord[]> {
    const events = await this.events.readStream(em, CV_STREAM, cvId, {
      types: CV_VERSION_EVENT_TYPES,
      beforeVersion: before,
      limit,
      newestFirst: true,
    });
    return this.withCopies(em, cvId, events.map(toVersion));
  }

  /** Every version, oldest first, as a hand-over copies them. */
  async copies(em: EntityManager, cvId: string): Promise<CvVersionCopy[]> {
    return (await this.all(em, cvId)).map(({ version, payload }) => ({
      version,
      patch: payload.patch,
      summary: payload.summary,
    }));
  }

  async stateAt(
    em: EntityManager,
    cvId: string,
    version: number,
  ): Promise<{ state: CvState; record: CvVersionRecord }> {
    const events = await this.all(em, cvId);
    const upTo = events.filter((event) => event.version <= version);
    const record = upTo.at(-1);
    if (!record || record.version !== version) throw versionNotFound();
    // A version erased with its author and never copied by a hand-over cannot be rebuilt.
    if (upTo.some((event) => event.payload.patch === undefined)) throw versionNotFound();
    upTo.forEach((event, index) => {
      if (event.version !== index + 1)
        throw new Error(`CV ${cvId} history has a gap at ${index + 1}`);
    });
    return { state: replayPatches(upTo.map((event) => event.payload.patch)), record };
  }

  private async all(em: EntityManager, cvId: string): Promise<CvVersionRecord[]> {
    const events = await this.events.readStream(em, CV_STREAM, cvId, {
      types: CV_VERSION_EVENT_TYPES,
    });
    return this.withCopies(em, cvId, events.map(toVersion));
  }

  /** Fills versions whose sealed patch was erased from the newest readable hand-over copy. */
  private async withCopies(
    em: EntityManager,
    cvId: string,
    records: CvVersionRecord[],
  ): Promise<CvVersionRecord[]> {
    if (records.every((record) => record.payload.patch !== undefined)) return records;
    const handOvers = await this.events.readStream(em, CV_STREAM, cvId, {
      types: [CV_TRANSFERRED],
    });
    const copies = new Map<number, CvVersionCopy>();
    for (const event of handOvers) {
      for (const copy of (event.payload as { versions?: CvVersionCopy[] }).versions ?? [])
        copies.set(copy.version, copy);
    }
    return records.map((record) => {
      const copy = record.payload.patch === undefined ? copies.get(record.version) : undefined;
      return copy
        ? {
            ...record,
            summary: copy.summary,
            payload: { ...record.payload, patch: copy.patch, summary: copy.summary },
          }
        : record;
    });
  }
}

const CV_TRANSFERRED = 'cv.transferred';

function toVersion(event: StoredEventRecord): CvVersionRecord {
  const payload = event.payload as unknown as CvVersionPayload & { restoredFrom?: number };
  return {
    version: payload.version,
    kind: event.type.slice('cv.'.length) as CvVersionRecord['kind'],
    createdAt: event.occurredAt,
    actor: event.metadata.actor ?? null,
    summary: payload.summary,
    ...(payload.restoredFrom !== undefined ? { restoredFrom: payload.restoredFrom } : {}),
    position: event.version,
    payload,
  };
}
