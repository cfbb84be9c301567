import { DomainEvent, DomainEventType } from '@lib/event-store';
import type { JsonPatch } from '../domain/cv-state';

export const CV_STREAM = 'cv';

/** Where a new CV's content came from. */
export type CvSource = 'blank' | 'json-resume' | 'duplicate';

/** Payload of every event that makes a new version: version n is events 1..n's patches replayed. */
export interface CvVersionPayload {
  ownerId: string;
  version: number;
  /** RFC 6902 patch from version n-1's `{title, document, layout}` (from nothing for n = 1). */
  patch: JsonPatch;
  summary: string;
}

@DomainEventType('cv.created')
export class CvCreated extends DomainEvent<
  CvVersionPayload & { source: CvSource; sourceCvId?: string }
> {
  constructor(cvId: string, payload: CvCreated['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.updated')
export class CvUpdated extends DomainEvent<CvVersionPayload> {
  constructor(cvId: string, payload: CvVersionPayload) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.restored')
export class CvRestored extends DomainEvent<CvVersionPayload & { restoredFrom: number }> {
  constructor(cvId: string, payload: CvRestored['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** The event types whose patches make up a CV's versions, in stream order. */
export const CV_VERSION_EVENT_TYPES = ['cv.created', 'cv.updated', 'cv.restored'];

@DomainEventType('cv.deleted')
export class CvDeleted extends DomainEvent<{
  ownerId: string;
  reason: 'deleted' | 'account_deleted';
}> {
  constructor(cvId: string, payload: CvDeleted['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.version_labelled')
export class CvVersionLabelled extends DomainEvent<{
  ownerId: string;
  version: number;
  label: string;
}> {
  constructor(cvId: string, payload: CvVersionLabelled['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** Never carries the slug: it is the capability that opens the shared CV. */
@DomainEventType('cv.shared')
export class CvShared extends DomainEvent<{
  ownerId: string;
  shareId: string;
  visibility: 'public' | 'password';
  expiresAt: string | null;
}> {
  constructor(cvId: string, payload: CvShared['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.share_revoked')
export class CvShareRevoked extends DomainEvent<{ ownerId: string; shareId: string }> {
  constructor(cvId: string, payload: CvShareRevoked['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** A visitor downloaded a shared CV (counted once per visitor and day). */
@DomainEventType('cv.downloaded')
export class CvDownloaded extends DomainEvent<{ ownerId: string; format: string }> {
  constructor(cvId: string, payload: CvDownloaded['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}
