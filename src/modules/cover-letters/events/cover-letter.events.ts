import { DomainEvent, DomainEventType } from '@lib/event-store';

/** Cover letter events belong to the letter's owner; their payloads carry no letter text. */
abstract class CoverLetterEvent<P extends { ownerId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.ownerId;
  }
}

export const COVER_LETTER_STREAM = 'cover_letter';

@DomainEventType('cover_letter.created')
export class CoverLetterCreated extends CoverLetterEvent<{
  ownerId: string;
  cvId: string;
  provider: string;
  model: string;
}> {
  constructor(id: string, payload: CoverLetterCreated['payload']) {
    super(COVER_LETTER_STREAM, id, payload);
  }
}

@DomainEventType('cover_letter.updated')
export class CoverLetterUpdated extends CoverLetterEvent<{
  ownerId: string;
  version: number;
  fields: string[];
  /** Who made the version: the owner or a member of a team it is shared with. */
  editedBy?: string;
}> {
  constructor(id: string, payload: CoverLetterUpdated['payload']) {
    super(COVER_LETTER_STREAM, id, payload);
  }
}

@DomainEventType('cover_letter.deleted')
export class CoverLetterDeleted extends CoverLetterEvent<{
  ownerId: string;
  reason: 'deleted' | 'account_deleted';
}> {
  constructor(id: string, payload: CoverLetterDeleted['payload']) {
    super(COVER_LETTER_STREAM, id, payload);
  }
}

/** The letter now belongs to someone else (handed to its team's owner, so it stays with the team). */
@DomainEventType('cover_letter.transferred')
export class CoverLetterTransferred extends CoverLetterEvent<{
  ownerId: string;
  previousOwnerId: string;
}> {
  constructor(id: string, payload: CoverLetterTransferred['payload']) {
    super(COVER_LETTER_STREAM, id, payload);
  }
}
