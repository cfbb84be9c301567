/** What a search asks for (already validated). */
export interface JobSearchParams {
  q?: string;
  location?: string;
  remote?: boolean;
  workplaceType?: string;
  employmentType?: string;
  seniority?: string;
  salaryMin?: number;
  salaryCurrency?: string;
  postedWithinDays?: number;
  source?: string;
  company?: string;
  /** Only jobs first ingested in (firstSeenAfter, firstSeenUntil] (alert digests). */
  firstSeenAfter?: Date;
  firstSeenUntil?: Date;
  sort: 'relevance' | 'newest' | 'salary';
  facets: boolean;
  cursor?: string;
  limit: number;
}

export interface JobSearchHit {
  id: string;
  highlights: { title: string; description: string } | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface JobSearchResult {
  hits: JobSearchHit[];
  nextCursor: string | null;
  /** Matches counted up to FACET_CAP + 1. */
  total: number;
  facets: Record<'employmentType' | 'seniority' | 'workplaceType' | 'source', FacetCount[]> | null;
  /** Facets were counted over a sample of the matches: their counts are lower bounds. */
  facetsSampled: boolean;
  sort: 'relevance' | 'newest' | 'salary';
}

/** Counts stop here; past it the API says "1,000+". */
export const COUNT_CAP = 1000;

/**
 * The search engine behind `GET /v1/jobs`. PostgreSQL full text is the default
 * driver; an OpenSearch/Meilisearch driver can implement the same port when a
 * deployment outgrows one database (ingestion would then also feed its index).
 */
export interface JobSearchPort {
  search(params: JobSearchParams): Promise<JobSearchResult>;
}

export const JOB_SEARCH = Symbol('JOB_SEARCH');
