/** Job-source port: one adapter per source turns its wire format into normalized postings. */

export type WorkplaceType = 'remote' | 'hybrid' | 'onsite';
export type EmploymentType = 'full_time' | 'part_time' | 'contract' | 'internship' | 'temporary';
export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'executive';
export type SalaryInterval = 'year' | 'month' | 'week' | 'day' | 'hour';

export const EMPLOYMENT_TYPES: EmploymentType[] = [
  'full_time',
  'part_time',
  'contract',
  'internship',
  'temporary',
];
export const SENIORITIES: Seniority[] = ['intern', 'junior', 'mid', 'senior', 'lead', 'executive'];
export const WORKPLACE_TYPES: WorkplaceType[] = ['remote', 'hybrid', 'onsite'];

export interface NormalizedSalary {
  min: number | null;
  max: number | null;
  currency: string | null;
  interval: SalaryInterval;
  /** The source's own estimate (e.g. Adzuna `salary_is_predicted: "1"`), not an advertised figure. */
  isEstimated: boolean;
  /** `direct` from numeric fields, `parsed` from free text. */
  origin: 'direct' | 'parsed';
}

export interface Attribution {
  /** What the source's terms require us to show, e.g. "Jobs by Adzuna". */
  text: string;
  /** The link back to the source the terms require. */
  url: string;
}

/** One posting as every adapter produces it. Dates are UTC `Date`s. */
export interface NormalizedPosting {
  source: string;
  /** The source's id, always a string (some sources send int64 ids past 2^53). */
  sourceJobId: string;
  /** The posting's page on the source, tracking parameters stripped. */
  url: string;
  applyUrl: string | null;
  title: string;
  company: string;
  companyUrl: string | null;
  companyLogoUrl: string | null;
  location: string | null;
  /** ISO 3166-1 alpha-2, upper case, when known. */
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  remote: boolean;
  workplaceType: WorkplaceType | null;
  employmentType: EmploymentType | null;
  seniority: Seniority | null;
  tags: string[];
  salary: NormalizedSalary | null;
  /** Sanitized HTML (allow-listed tags, no attributes but safe links). */
  descriptionHtml: string;
  descriptionText: string;
  postedAt: Date;
  expiresAt: Date | null;
  attribution: Attribution | null;
}

/** What a fetch returned: the postings, and whether they are the source's whole current list. */
export interface JobSourceBatch {
  postings: NormalizedPosting[];
  /** True when the source returned everything it lists: postings missing from it have expired. */
  complete: boolean;
  /** Items the adapter skipped as malformed (kept out, counted). */
  skipped: number;
}

export interface JobSourceFetchOptions {
  /** Upper bound on postings per run (politeness and tests). */
  maxPostings: number;
  now: Date;
  /** Per-company sources (Greenhouse, Lever, Ashby): the boards to read, when not only the env list. */
  boards?: string[];
}

/**
 * A request allowance shared by every replica (Adzuna: 25/min, 250/day).
 * `take` counts one request; it answers the seconds to wait when none is left.
 */
export interface RequestBudget {
  take(source: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}

export interface JobSource {
  readonly name: string;
  fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch>;
}

/** A source failed this run (HTTP error, timeout, body that is not its format). */
export class JobSourceError extends Error {
  constructor(
    readonly source: string,
    message: string,
    /** 429/5xx/timeouts are worth a retry; a malformed body usually is not. */
    readonly retryable: boolean,
    /** Seconds the source asked us to wait (Retry-After). */
    readonly retryAfterSeconds?: number,
    /** The HTTP status the source answered, when it answered one. */
    readonly status?: number,
  ) {
    super(`${source}: ${message}`);
    this.name = 'JobSourceError';
  }
}
