import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const VISIT_KINDS = ['view', 'download'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/**
 * One visitor's view or download of a shared CV on one day: the primary key
 * makes a second one that day a no-op. The visitor is a keyed hash of IP and
 * user agent, never the address itself.
 */
@Entity({ tableName: 'cv_share_visits' })
export class CvShareVisit {
  @PrimaryKey({ type: 'uuid' })
  cvId!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'text' })
  kind!: VisitKind;

  @PrimaryKey({ type: 'text' })
  visitor!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstSeenAt: Date = new Date();
}
