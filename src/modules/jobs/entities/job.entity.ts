import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { EmploymentType, SalaryInterval, Seniority, WorkplaceType } from '@lib/providers';

export type JobStatus = 'active' | 'expired';

/**
 * One job as users see it: the merged result of one or more source postings
 * (`job_source_links`). The search vector is a generated column (title A,
 * company B, tags and text C) with a GIN index; see README "Jobs".
 */
@Entity({ tableName: 'jobs' })
// Covers the filters on `facet_keys` and salary: a newest-first page of filters alone is an
// index-only walk (8.6 ms where the walk that read every posting took 53 ms at 1M postings).
@Index({
  name: 'jobs_active_posted_idx',
  expression:
    'create index "jobs_active_posted_idx" on "jobs" ("posted_at" desc, "id" desc) include ("facet_keys", "salary_annual") where "status" = \'active\'',
})
@Index({
  name: 'jobs_search_idx',
  expression: 'create index "jobs_search_idx" on "jobs" using gin ("search_vector")',
})
@Index({
  name: 'jobs_facet_keys_idx',
  expression: 'create index "jobs_facet_keys_idx" on "jobs" using gin ("facet_keys")',
})
@Index({ properties: ['fingerprint', 'postedAt'] })
@Index({ properties: ['applyUrlKey'] })
@Index({ properties: ['companyKey'] })
@Index({ properties: ['salaryAnnual'] })
@Index({ properties: ['firstSeenAt'] })
export class Job {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  company!: string;

  /** Normalized company name (entities decoded, legal suffixes dropped), for the company filter and dedup. */
  @Property({ type: 'text' })
  companyKey!: string;

  @Property({ type: 'text', nullable: true })
  companyUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  companyLogoUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Property({ type: 'varchar', length: 2, nullable: true })
  country?: string | null;

  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  @Property({ type: 'boolean' })
  remote: boolean = false;

  @Enum({ items: ['remote', 'hybrid', 'onsite'], nullable: true })
  workplaceType?: WorkplaceType | null;

  @Enum({
    items: ['full_time', 'part_time', 'contract', 'internship', 'temporary'],
    nullable: true,
  })
  employmentType?: EmploymentType | null;

  @Enum({ items: ['intern', 'junior', 'mid', 'senior', 'lead', 'executive'], nullable: true })
  seniority?: Seniority | null;

  @Property({ type: 'json' })
  tags: string[] = [];

  @Property({ type: 'double', nullable: true })
  salaryMin?: number | null;

  @Property({ type: 'double', nullable: true })
  salaryMax?: number | null;

  @Property({ type: 'varchar', length: 3, nullable: true })
  salaryCurrency?: string | null;

  @Enum({ items: ['year', 'month', 'week', 'day', 'hour'], nullable: true })
  salaryInterval?: SalaryInterval | null;

  @Property({ type: 'boolean', nullable: true })
  salaryIsEstimated?: boolean | null;

  @Enum({ items: ['direct', 'parsed'], nullable: true })
  salaryOrigin?: 'direct' | 'parsed' | null;

  /** Yearly midpoint in `salaryCurrency`, for the salary filter and sort. */
  @Property({ type: 'integer', nullable: true })
  salaryAnnual?: number | null;

  @Property({ type: 'text' })
  descriptionHtml!: string;

  @Property({ type: 'text' })
  descriptionText!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  postedAt!: Date;

  /** When we first ingested this job (alerts match on it, not on the source's date). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstSeenAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Enum({ items: ['active', 'expired'] })
  status: JobStatus = 'active';

  /** sha-256 of normalized company + title + location-or-remote (dedup step 3). */
  @Property({ type: 'text' })
  fingerprint!: string;

  /** Canonical apply URL (dedup step 2). */
  @Property({ type: 'text', nullable: true })
  applyUrlKey?: string | null;

  /** MinHash signature of the text's 7-word shingles (dedup step 4). */
  @Property({ type: 'json', lazy: true })
  minhash: number[] = [];

  @Property({
    type: 'unknown',
    columnType: 'tsvector',
    generated:
      "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(company, '')), 'B') || setweight(to_tsvector('english', left(coalesce(description_text, ''), 20000)), 'C')) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchVector?: unknown;

  /**
   * The search filters with few values as one indexed array (`et:contract`,
   * `sn:senior`, `wp:hybrid`, `remote`, `cc:DE`): any combination of them is one
   * GIN lookup, where separate columns left a sequential scan for selective
   * combinations (half a second to count a million postings).
   */
  @Property({
    type: 'unknown',
    columnType: 'text[]',
    generated:
      "(array_remove(array[case when employment_type is not null then 'et:' || employment_type end, case when seniority is not null then 'sn:' || seniority end, case when workplace_type is not null then 'wp:' || workplace_type end, case when remote then 'remote' end, case when country is not null then 'cc:' || country end], null)) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  facetKeys?: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
