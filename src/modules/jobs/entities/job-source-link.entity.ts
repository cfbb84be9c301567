import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { Job } from './job.entity';

/** One source's posting of a job: unique per (source, sourceJobId); a job keeps all of them. */
@Entity({ tableName: 'job_source_links' })
@Unique({ properties: ['source', 'sourceJobId'] })
@Index({ properties: ['job'] })
// The live sources of a job without reading the links (the search's facet sample asks 1,000 at a time).
@Index({
  name: 'job_source_links_live_idx',
  expression:
    'create index "job_source_links_live_idx" on "job_source_links" ("job_id") include ("source") where "removed_at" is null',
})
export class JobSourceLink {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Job, { ref: true, deleteRule: 'cascade' })
  job!: Ref<Job>;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  sourceJobId!: string;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text', nullable: true })
  applyUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  attributionText?: string | null;

  @Property({ type: 'text', nullable: true })
  attributionUrl?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  postedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstSeenAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt: Date = new Date();

  /** Set when the source stopped listing the posting (or it expired). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  removedAt?: Date | null;

  /** How this link joined its job: new, apply_url, fingerprint (+ MinHash). */
  @Property({ type: 'text' })
  matchedBy: 'new' | 'apply_url' | 'fingerprint' = 'new';
}
