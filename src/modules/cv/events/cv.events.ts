import { DomainEvent, DomainEventType } from '@lib/event-store';
import type { JsonPatch } from '../domain/cv-state';

/**
 * Every CV event belongs to the CV's owner: its personal data (the patches
 * carry the CV's content) is sealed with the owner's key and erased with them.
 */
abstract class CvEvent<P extends { ownerId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.ownerId;
  }
}

export const CV_STREAM = 'cv';

/** Where a new CV's content came from. */
export type CvSource = 'blank' | 'json-resume' | 'duplicate' | 'file';

/** Payload of every event that makes a new version: version n is events 1..n's patches replayed. */
export interface CvVersionPayload {
  ownerId: string;
  version: number;
  /** RFC 6902 patch from version n-1's `{title, document, layout}` (from nothing for n = 1). */
  patch: JsonPatch;
  summary: string;
}

@DomainEventType('cv.created', { personal: ['patch', 'summary'] })
export class CvCreated extends CvEvent<
  CvVersionPayload & { source: CvSource; sourceCvId?: string }
> {
  constructor(cvId: string, payload: CvCreated['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.updated', { personal: ['patch', 'summary'] })
export class CvUpdated extends CvEvent<CvVersionPayload> {
  constructor(cvId: string, payload: CvVersionPayload) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.restored', { personal: ['patch', 'summary'] })
export class CvRestored extends CvEvent<CvVersionPayload & { restoredFrom: number }> {
  constructor(cvId: string, payload: CvRestored['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** The event types whose patches make up a CV's versions, in stream order. */
export const CV_VERSION_EVENT_TYPES = ['cv.created', 'cv.updated', 'cv.restored'];

@DomainEventType('cv.deleted')
export class CvDeleted extends CvEvent<{
  ownerId: string;
  reason: 'deleted' | 'account_deleted';
}> {
  constructor(cvId: string, payload: CvDeleted['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

@DomainEventType('cv.version_labelled', { personal: ['label'] })
export class CvVersionLabelled extends CvEvent<{
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
export class CvShared extends CvEvent<{
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
export class CvShareRevoked extends CvEvent<{ ownerId: string; shareId: string }> {
  constructor(cvId: string, payload: CvShareRevoked['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** A visitor downloaded a shared CV (counted once per visitor and day). */
@DomainEventType('cv.downloaded')
export class CvDownloaded extends CvEvent<{ ownerId: string; format: string }> {
  constructor(cvId: string, payload: CvDownloaded['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** The AI writer proposed rewrites for a section of the CV (the texts stay in `cv_ai_suggestions`). */
@DomainEventType('cv.ai_enhanced')
export class CvAiEnhanced extends CvEvent<{
  ownerId: string;
  section: string;
  suggestions: number;
  provider: string;
  model: string;
}> {
  constructor(cvId: string, payload: CvAiEnhanced['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}

/** A version's content as copied into a hand-over (see `CvTransferred`). */
export interface CvVersionCopy {
  version: number;
  patch: JsonPatch;
  summary: string;
}

/**
 * The CV now belongs to someone else (its owner handed it to their team's owner,
 * so it stays with the team when the former owner's account is erased). The
 * version events before it stay sealed with the former owner's key, and the
 * event store is append-only, so the event carries a copy of every version's
 * patch and summary, sealed with the new owner's key: the history stays
 * readable after the former owner's key is shredded.
 */
@DomainEventType('cv.transferred', { personal: ['versions'] })
export class CvTransferred extends CvEvent<{
  ownerId: string;
  previousOwnerId: string;
  /** Absent on hand-overs recorded before the copy existed. */
  versions?: CvVersionCopy[];
}> {
  constructor(cvId: string, payload: CvTransferred['payload']) {
    super(CV_STREAM, cvId, payload);
  }
}
