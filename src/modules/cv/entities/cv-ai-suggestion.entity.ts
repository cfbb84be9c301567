import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { AiProviderName } from '@lib/providers';

export const SUGGESTION_STATUSES = ['pending', 'applied', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * A rewrite the AI writer proposed for one text of a CV, kept until the owner
 * applies or dismisses it. `path` is a JSON Pointer into the document;
 * `original` is the text it was made for, so applying it can tell whether
 * that text changed since.
 */
@Entity({ tableName: 'cv_ai_suggestions' })
@Index({ properties: ['cvId', 'status', 'createdAt'] })
@Index({ properties: ['ownerId'] })
export class CvAiSuggestion {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  cvId!: string;

  @Property({ type: 'uuid' })
  ownerId!: string;

  /** The CV version the suggestion was made from. */
  @Property({ type: 'integer' })
  cvVersion!: number;

  @Property({ type: 'text' })
  section!: string;

  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'text' })
  original!: string;

  @Property({ type: 'text' })
  suggested!: string;

  @Property({ type: 'json' })
  reasons: string[] = [];

  @Property({ type: 'text' })
  provider!: AiProviderName;

  @Property({ type: 'text' })
  model!: string;

  @Enum({ items: [...SUGGESTION_STATUSES] })
  status: SuggestionStatus = 'pending';

  /** The CV version applying it made (null when nothing changed or not applied). */
  @Property({ type: 'integer', nullable: true })
  appliedVersion?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt?: Date | null;
}
