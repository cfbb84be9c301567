import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { AggregateRoot } from '@lib/event-store';
import type { AiProviderName } from '@lib/providers';
import type { AiTone } from '../../cv';
import {
  CoverLetterCreated,
  CoverLetterTransferred,
  CoverLetterUpdated,
} from '../events/cover-letter.events';

export interface NewCoverLetter {
  ownerId: string;
  cvId: string;
  title: string;
  jobDescription: string;
  /** The job the letter answers, when it came from the jobs module. */
  jobId?: string | null;
  jobTitle?: string | null;
  company?: string | null;
  tone: AiTone;
  language: string;
  body: string;
  provider: AiProviderName;
  model: string;
}

export interface CoverLetterEdit {
  title?: string;
  body?: string;
  tone?: AiTone;
}

/**
 * A cover letter written for one job from one CV. `body` is plain text
 * (paragraphs separated by a blank line). A renderer styles it with the CV's
 * template: `cvId` finds the layout, `language` sets the text direction and
 * hyphenation.
 */
@Entity({ tableName: 'cover_letters' })
@Index({ properties: ['ownerId', 'createdAt'] })
export class CoverLetter extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'uuid' })
  cvId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  jobDescription!: string;

  /** A job of the jobs module, once it exists. */
  @Property({ type: 'uuid', nullable: true })
  jobId?: string | null;

  @Property({ type: 'text', nullable: true })
  jobTitle?: string | null;

  @Property({ type: 'text', nullable: true })
  company?: string | null;

  @Property({ type: 'text' })
  tone!: AiTone;

  @Property({ type: 'text' })
  language!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  provider!: AiProviderName;

  @Property({ type: 'text' })
  model!: string;

  /** Who made the current version when it was edited (the owner or a team member); null: never edited. */
  @Property({ type: 'uuid', nullable: true })
  updatedBy?: string | null;

  /** Bumped by every edit; the ETag. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  static write(fields: NewCoverLetter): CoverLetter {
    const letter = Object.assign(new CoverLetter(), fields);
    letter.raise(
      new CoverLetterCreated(letter.id, {
        ownerId: letter.ownerId,
        cvId: letter.cvId,
        provider: letter.provider,
        model: letter.model,
      }),
    );
    return letter;
  }

  /** Applies the fields that differ; no difference, no new version. */
  edit(change: CoverLetterEdit, editedBy: string): void {
    const fields = (Object.keys(change) as (keyof CoverLetterEdit)[]).filter(
      (key) => change[key] !== undefined && change[key] !== this[key],
    );
    if (fields.length === 0) return;
    Object.assign(this, Object.fromEntries(fields.map((key) => [key, change[key]])));
    this.version += 1;
    this.updatedAt = new Date();
    this.updatedBy = editedBy;
    this.raise(
      new CoverLetterUpdated(this.id, {
        ownerId: this.ownerId,
        version: this.version,
        fields,
        editedBy,
      }),
    );
  }

  transferTo(newOwnerId: string): void {
    if (newOwnerId === this.ownerId) return;
    const previousOwnerId = this.ownerId;
    this.ownerId = newOwnerId;
    this.raise(new CoverLetterTransferred(this.id, { ownerId: newOwnerId, previousOwnerId }));
  }
}
