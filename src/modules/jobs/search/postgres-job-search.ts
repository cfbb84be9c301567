import { EntityManager } from '@mikro-orm/postgresql';
import { CURSOR_FIELD, decodeCursor, encodeCursor } from '../../../common/pagination';
import { companyKey } from '../services/dedup';
import {
  COUNT_CAP,
  type FacetCount,
  type JobSearchParams,
  type JobSearchPort,
  type JobSearchResult,
} from './job-search.port';

/** Without RUM, relevance is ranked inside the newest N matches (see README "Jobs": bounded candidate set). */
export const RELEVANCE_CANDIDATES = 2000;

type Facet = 'employmentType' | 'seniority' | 'workplaceType' | 'source';

interface Condition {
  sql: string;
  params: unknown[];
  /** The facet this filter narrows (left out when counting that facet). */
  facet?: Facet;
}

/** Filters on the few-valued columns go through the GIN-indexed `facet_keys` (see the Job entity). */
const FACET_SQL: Record<Facet, string> = {
  employmentType: "j.facet_keys @> array['et:' || ?::text]",
  seniority: "j.facet_keys @> array['sn:' || ?::text]",
  workplaceType: "j.facet_keys @> array['wp:' || ?::text]",
  source:
    'exists (select 1 from job_source_links l where l.job_id = j.id and l.source = ? and l.removed_at is null)',
};

/** The facet filters as conditions on a row of the facet sample (`sources` is an array there). */
const SAMPLE_FACET_SQL: Record<Facet, string> = {
  employmentType: 'j.employment_type = ?',
  seniority: 'j.seniority = ?',
  workplaceType: 'j.workplace_type = ?',
  source: '? = any(j.sources)',
};
/** What the facet sample reads of each row (besides its sources). */
const SAMPLE_COLUMNS = 'j.employment_type, j.seniority, j.workplace_type';

interface Facets {
  counts: Record<Facet, FacetCount[]>;
  sampled: boolean;
  /** Matches up to COUNT_CAP + 1, when the sample could count them. */
  total: number | null;
}

/** A row of the facet statement: a facet value, a count of the sample, or a hit of the page. */
interface SampleRow {
  facet: Facet | 'sample' | 'matches' | 'hit';
  value: string;
  k: string | null;
  n: number;
}

const SAMPLE_FACET_COLUMN = {
  employmentType: 'j.employment_type',
  seniority: 'j.seniority',
  workplaceType: 'j.workplace_type',
} as const;

const RANK = "ts_rank_cd(j.search_vector, websearch_to_tsquery('english', ?), 32)";
const NUMERIC = /^-?\d+(\.\d+)?(e-?\d+)?$/i;

/**
 * PostgreSQL driver: generated weighted tsvector + GIN, `websearch_to_tsquery`
 * (never throws on user input), keyset pagination, capped counts and facets,
 * ts_headline only for the page's rows.
 */
export class PostgresJobSearch implements JobSearchPort {
  constructor(
    private readonly em: EntityManager,
    /** Facets are counted over the newest this many matches (see `facets`). */
    private readonly facetSample: number,
  ) {}

  async search(p: JobSearchParams): Promise<JobSearchResult> {
    const em = this.em.fork();
    const q = p.q?.trim() ? p.q.trim() : undefined;
    const sort = p.sort === 'relevance' && !q ? 'newest' : p.sort;
    const conditions = this.conditions(p, q, sort);
    const all = {
      sql: conditions.map((c) => c.sql).join(' and '),
      params: conditions.flatMap((c) => c.params),
    };

    let rows: Array<{ id: string; k1: string; k2: string }>;
    let facets: Facets | null = null;
    const limit = p.limit + 1;
    if (sort === 'relevance') {
      const cursor = p.cursor
        ? decodeCursor(p.cursor, { r: NUMERIC, id: CURSOR_FIELD.uuid })
        : null;
      // Without facet filters the facet sample (and so the capped count) comes from the
      // candidates already read: one pass over the heap instead of two.
      const size = this.sampleSize();
      const shared = p.facets && !conditions.some((c) => c.facet) && size <= RELEVANCE_CANDIDATES;
      const facetSql = shared ? this.facetSql('candidates j', []) : null;
      const result = await em.execute<Array<SampleRow>>(
        `with candidates as materialized (
           select j.id, j.search_vector${facetSql ? `, ${SAMPLE_COLUMNS}` : ''} from jobs j where ${all.sql}
           order by j.posted_at desc, j.id desc limit ${RELEVANCE_CANDIDATES}
         ), ranked as (
           select c.id, ${RANK.replace('j.search_vector', 'c.search_vector')}::real as rank from candidates c
         ), page as (
           select id, rank from ranked
           ${cursor ? 'where (rank, id) < (?::real, ?::uuid)' : ''}
           order by rank desc, id desc limit ${limit}
         )${facetSql ? `, ${facetSql.cte}` : ''}
         select 'hit' as facet, id::text as value, rank::text as k, (row_number() over (order by rank desc, id desc))::int as n from page
         ${facetSql ? `union all ${facetSql.parts}` : ''}`,
        [...all.params, q, ...(cursor ? [cursor.r, cursor.id] : []), ...(facetSql?.params ?? [])],
      );
      rows = result
        .filter((r) => r.facet === 'hit')
        .sort((a, b) => a.n - b.n)
        .map((r) => ({ id: r.value, k1: r.k!, k2: r.value }));
      if (facetSql) facets = this.readFacets(result, 0);
    } else if (sort === 'salary') {
      const cursor = p.cursor
        ? decodeCursor(p.cursor, { s: /^\d{1,12}$/, id: CURSOR_FIELD.uuid })
        : null;
      rows = await em.execute(
        `select j.id, j.salary_annual::text as k1, j.id::text as k2 from jobs j
         where ${all.sql} and j.salary_annual is not null
         ${cursor ? 'and (j.salary_annual, j.id) < (?::int, ?::uuid)' : ''}
         order by j.salary_annual desc, j.id desc limit ${limit}`,
        [...all.params, ...(cursor ? [cursor.s, cursor.id] : [])],
      );
    } else {
      const cursor = p.cursor
        ? decodeCursor(p.cursor, { p: CURSOR_FIELD.isoDate, id: CURSOR_FIELD.uuid })
        : null;
      rows = await em.execute(
        `select j.id, to_char(j.posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as k1, j.id::text as k2 from jobs j
         where ${all.sql}
         ${cursor ? 'and (j.posted_at, j.id) < (?::timestamptz, ?::uuid)' : ''}
         order by j.posted_at desc, j.id desc limit ${limit}`,
        [...all.params, ...(cursor ? [cursor.p, cursor.id] : [])],
      );
    }
    const page = rows.slice(0, p.limit);
    const last = rows.length > p.limit ? page[page.length - 1] : undefined;
    const nextCursor = last
      ? encodeCursor(
          sort === 'relevance'
            ? { r: last.k1, id: last.k2 }
            : sort === 'salary'
              ? { s: last.k1, id: last.k2 }
              : { p: last.k1, id: last.k2 },
        )
      : null;

    if (p.facets && !facets) facets = await this.facets(em, conditions);
    const total = facets?.total ?? (await this.count(em, all));
    const highlights =
      q && page.length > 0
        ? await this.highlights(
            em,
            page.map((r) => r.id),
            q,
          )
        : new Map<string, { title: string; description: string }>();
    return {
      hits: page.map((r) => ({ id: r.id, highlights: highlights.get(r.id) ?? null })),
      nextCursor,
      total,
      facets: facets?.counts ?? null,
      facetsSampled: facets?.sampled ?? false,
      sort,
    };
  }

  private async count(em: EntityManager, all: { sql: string; params: unknown[] }): Promise<number> {
    const [row] = await em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from (select 1 from jobs j where ${all.sql} limit ${COUNT_CAP + 1}) c`,
      all.params,
    );
    return row.n;
  }

  private conditions(p: JobSearchParams, q: string | undefined, sort: string): Condition[] {
    const list: Condition[] = [{ sql: "j.status = 'active'", params: [] }];
    if (q) list.push({ sql: "j.search_vector @@ websearch_to_tsquery('english', ?)", params: [q] });
    if (p.location) {
      const text = p.location.trim();
      if (/^[A-Za-z]{2}$/.test(text))
        list.push({ sql: "j.facet_keys @> array['cc:' || ?::text]", params: [text.toUpperCase()] });
      else
        list.push({
          sql: 'j.location ilike ?',
          params: [`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
        });
    }
    if (p.remote === true) list.push({ sql: "j.facet_keys @> array['remote']", params: [] });
    if (p.remote === false) list.push({ sql: 'not j.remote', params: [] });
    if (p.workplaceType)
      list.push({
        sql: FACET_SQL.workplaceType,
        params: [p.workplaceType],
        facet: 'workplaceType',
      });
    if (p.employmentType)
      list.push({
        sql: FACET_SQL.employmentType,
        params: [p.employmentType],
        facet: 'employmentType',
      });
    if (p.seniority)
      list.push({ sql: FACET_SQL.seniority, params: [p.seniority], facet: 'seniority' });
    if (p.salaryMin !== undefined)
      list.push({
        // Outside the salary sort, a bare `salary_annual >= ?` led the planner to AND a bitmap of
        // the salary index (most postings) into every filter: 70 ms of the 100 ms of a count.
        sql: sort === 'salary' ? 'j.salary_annual >= ?' : 'coalesce(j.salary_annual, -1) >= ?',
        params: [p.salaryMin],
      });
    if (p.salaryCurrency) list.push({ sql: 'j.salary_currency = ?', params: [p.salaryCurrency] });
    if (p.postedWithinDays)
      list.push({
        sql: 'j.posted_at >= now() - make_interval(days => ?)',
        params: [p.postedWithinDays],
      });
    if (p.source) list.push({ sql: FACET_SQL.source, params: [p.source], facet: 'source' });
    if (p.company) list.push({ sql: 'j.company_key = ?', params: [companyKey(p.company)] });
    if (p.firstSeenAfter)
      list.push({ sql: 'j.first_seen_at > ?', params: [p.firstSeenAfter.toISOString()] });
    if (p.firstSeenUntil)
      list.push({ sql: 'j.first_seen_at <= ?', params: [p.firstSeenUntil.toISOString()] });
    return list;
  }

  /**
   * Facet counts in one pass over a bounded sample: the first `facetSample`
   * matches found of the search without its facet filters (no order: "newest"
   * made a narrow term walk half the date index to find them), each value counted under
   * every facet filter but its own (choosing "contract" still shows the other
   * employment types). Counting every value over every match took one capped
   * query per value (20 of them) and hundreds of milliseconds at a million
   * postings; past the sample the counts are lower bounds (`sampled`).
   * The sample reads up to COUNT_CAP + 1 rows so that it also gives the capped total when it
   * can (every match was read, or no facet filter narrows the search): `total` is null when not.
   */
  private async facets(em: EntityManager, conditions: Condition[]): Promise<Facets> {
    const base = conditions.filter((c) => !c.facet);
    const filters = conditions.filter((c) => c.facet);
    const facetSql = this.facetSql(`jobs j where ${base.map((c) => c.sql).join(' and ')}`, filters);
    const rows = await em.execute<Array<SampleRow>>(`with ${facetSql.cte} ${facetSql.parts}`, [
      ...base.flatMap((c) => c.params),
      ...facetSql.params,
    ]);
    return this.readFacets(rows, filters.length);
  }

  /** Facets are counted over the first `facetSample` rows; the sample reads enough for the count too. */
  private sampleSize(): number {
    return Math.max(this.facetSample, COUNT_CAP + 1);
  }

  /**
   * The `sample` CTE over `from` (aliased `j`, with the SAMPLE_COLUMNS) and the rows that count
   * it: one per facet value, the rows read (`sample`) and those passing every facet filter
   * (`matches`). Parameters: those of `from` first, then `params`.
   */
  private facetSql(
    from: string,
    filters: Condition[],
  ): { cte: string; parts: string; params: unknown[] } {
    const sampleFilter = (list: Condition[]) => ({
      sql: list.map((c) => SAMPLE_FACET_SQL[c.facet!]).join(' and ') || 'true',
      params: list.flatMap((c) => c.params),
    });
    const othersThan = (facet: Facet) => sampleFilter(filters.filter((c) => c.facet !== facet));
    const inFacetSample = `j.n <= ${this.facetSample}`;
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const facet of ['employmentType', 'seniority', 'workplaceType'] as const) {
      const column = SAMPLE_FACET_COLUMN[facet];
      const others = othersThan(facet);
      parts.push(
        `select '${facet}' as facet, ${column} as value, null as k, count(*)::int as n from sample j
         where ${inFacetSample} and ${column} is not null and ${others.sql} group by ${column}`,
      );
      params.push(...others.params);
    }
    const others = othersThan('source');
    const all = sampleFilter(filters);
    parts.push(
      `select 'source', s.value, null, count(*)::int from sample j cross join unnest(j.sources) as s(value)
       where ${inFacetSample} and ${others.sql} group by s.value`,
      `select 'sample', null, null, count(*)::int from sample j`,
      `select 'matches', null, null, count(*)::int from sample j where ${all.sql}`,
    );
    params.push(...others.params, ...all.params);
    return {
      cte: `sample as (
         select s.*, row_number() over () as n from (
           select j.employment_type, j.seniority, j.workplace_type,
             array(select l.source from job_source_links l where l.job_id = j.id and l.removed_at is null) as sources
           from ${from} limit ${this.sampleSize()}
         ) s
       )`,
      parts: parts.join(' union all '),
      params,
    };
  }

  /**
   * Facet counts from the rows of `facetSql`, and the capped total when the sample gives it:
   * every match was read, or no facet filter narrows the search (null: count separately).
   */
  private readFacets(rows: SampleRow[], filters: number): Facets {
    const counts: Record<Facet, FacetCount[]> = {
      employmentType: [],
      seniority: [],
      workplaceType: [],
      source: [],
    };
    let read = 0;
    let matches = 0;
    for (const row of rows) {
      if (row.facet === 'hit') continue;
      if (row.facet === 'sample') read = row.n;
      else if (row.facet === 'matches') matches = row.n;
      else if (row.n > 0) counts[row.facet].push({ value: row.value, count: row.n });
    }
    for (const facet of Object.keys(counts) as Facet[])
      counts[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const exhausted = read < this.sampleSize();
    return {
      counts,
      sampled: read >= this.facetSample,
      total: exhausted || filters === 0 ? Math.min(matches, COUNT_CAP + 1) : null,
    };
  }

  private async highlights(
    em: EntityManager,
    ids: string[],
    q: string,
  ): Promise<Map<string, { title: string; description: string }>> {
    const rows = await em.execute<Array<{ id: string; title: string; description: string }>>(
      `select j.id,
         ts_headline('english', replace(replace(replace(j.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', ?), 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') as title,
         ts_headline('english', replace(replace(replace(left(j.description_text, 5000), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', ?), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=20, MinWords=8, FragmentDelimiter=" … "') as description
       from jobs j where j.id = any(?::uuid[])`,
      [q, q, `{${ids.join(',')}}`],
    );
    return new Map(rows.map((r) => [r.id, { title: r.title, description: r.description }]));
  }
}
