import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventStore, type StoredEventRecord } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { replayPatches, type CvState } from '../domain/cv-state';
import { CV_STREAM, CV_VERSION_EVENT_TYPES, type CvVersionPayload } from '../events/cv.events';

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
 * current row.
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
    return events.map(toVersion);
  }

  async stateAt(
    em: EntityManager,
    cvId: string,
    version: number,
  ): Promise<{ state: CvState; record: CvVersionRecord }> {
    const events = (
      await this.events.readStream(em, CV_STREAM, cvId, { types: CV_VERSION_EVENT_TYPES })
    ).map(toVersion);
    const upTo = events.filter((event) => event.version <= version);
    const record = upTo.at(-1);
    if (!record || record.version !== version) throw versionNotFound();
    upTo.forEach((event, index) => {
      if (event.version !== index + 1)
        throw new Error(`CV ${cvId} history has a gap at ${index + 1}`);
    });
    return { state: replayPatches(upTo.map((event) => event.payload.patch)), record };
  }
}

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
