import {
  JobSourceError,
  type JobSource,
  type JobSourceBatch,
  type JobSourceFetchOptions,
  type NormalizedPosting,
  type RequestBudget,
} from '../job-source.port';
import {
  canonicalUrl,
  decodeEntities,
  directSalary,
  employmentTypeOf,
  escapeHtml,
  looksRemote,
  parseSourceDate,
  seniorityOf,
  workplaceTypeOf,
} from '../normalize';
import { fetchSourceJson, isRecord, mapItems, num, str, trimBase } from './http';

const PAGE = 50;
/** Adzuna quotes salaries in the searched country's currency. */
const CURRENCIES: Record<string, string> = {
  gb: 'GBP',
  us: 'USD',
  ca: 'CAD',
  au: 'AUD',
  nz: 'NZD',
  in: 'INR',
  sg: 'SGD',
  za: 'ZAR',
  br: 'BRL',
  mx: 'MXN',
  pl: 'PLN',
  ch: 'CHF',
  de: 'EUR',
  fr: 'EUR',
  nl: 'EUR',
  at: 'EUR',
  it: 'EUR',
  es: 'EUR',
  be: 'EUR',
};
/** Pages per country per run: hourly runs stay far inside 250 requests a day. */
const MAX_PAGES = 4;

export interface AdzunaOptions {
  baseUrl: string;
  timeoutMs: number;
  appId: string;
  appKey: string;
  /** Adzuna country codes searched (`gb`, `us`, `de`, ...). */
  countries: string[];
  /** Shared across replicas: 25 requests a minute, 250 a day. */
  budget: RequestBudget;
}

/**
 * Adzuna `GET /v1/api/jobs/{country}/search/{page}?app_id&app_key&results_per_page`:
 * `{count, results}`, string ids, a truncated plain-text `description`,
 * `salary_is_predicted: "1"` (a string) for Adzuna's own estimates. Every request
 * first takes one from the shared budget; when it is spent the run ends with what
 * it has (or, before any page, fails with the wait as its Retry-After).
 * Terms: "Jobs by Adzuna" with a link.
 */
export class AdzunaSource implements JobSource {
  readonly name = 'adzuna';

  constructor(private readonly options: AdzunaOptions) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const postings: NormalizedPosting[] = [];
    let skipped = 0;
    let complete = true;
    let requests = 0;
    outer: for (const country of this.options.countries) {
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        if (postings.length >= options.maxPostings) {
          complete = false;
          break outer;
        }
        const allowance = await this.options.budget.take(this.name);
        if (!allowance.allowed) {
          if (requests === 0) {
            throw new JobSourceError(
              this.name,
              'request budget spent (25/min, 250/day)',
              true,
              allowance.retryAfterSeconds,
            );
          }
          complete = false;
          break outer;
        }
        requests += 1;
        const query = new URLSearchParams({
          app_id: this.options.appId,
          app_key: this.options.appKey,
          results_per_page: String(PAGE),
          sort_by: 'date',
        });
        const body = await fetchSourceJson(
          this.name,
          `${trimBase(this.options.baseUrl)}/v1/api/jobs/${encodeURIComponent(country)}/search/${page}?${query.toString()}`,
          { timeoutMs: this.options.timeoutMs },
        );
        if (!isRecord(body) || !Array.isArray(body.results))
          throw new JobSourceError(this.name, 'expected {results: [...]}', false);
        const mapped = mapItems(
          body.results,
          (item) => mapAdzuna(item, country),
          options.maxPostings - postings.length,
        );
        postings.push(...mapped.postings);
        skipped += mapped.skipped;
        const count = num(body.count) ?? 0;
        if (body.results.length < PAGE || page * PAGE >= count) break;
        // Adzuna lists far more than a run reads: the list is never complete.
        if (page === MAX_PAGES) complete = false;
      }
    }
    return { postings, complete, skipped };
  }
}

export function mapAdzuna(
  item: Record<string, unknown>,
  country: string,
): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.title);
  const company = isRecord(item.company) ? str(item.company.display_name) : null;
  const url = canonicalUrl(str(item.redirect_url));
  const postedAt = parseSourceDate(item.created);
  if (!id || !title || !company || !url || !postedAt) return null;
  const text = decodeEntities(str(item.description) ?? '');
  const location = isRecord(item.location) ? str(item.location.display_name) : null;
  const remote = looksRemote(`${title} ${location ?? ''}`);
  const contract = [str(item.contract_time), str(item.contract_type)];
  const category = isRecord(item.category) ? str(item.category.label) : null;
  return {
    source: 'adzuna',
    sourceJobId: id,
    url,
    applyUrl: url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: null,
    location,
    country: country.toUpperCase(),
    latitude: num(item.latitude),
    longitude: num(item.longitude),
    remote,
    workplaceType: workplaceTypeOf(null, remote),
    employmentType: contract.map((c) => employmentTypeOf(c)).find(Boolean) ?? null,
    seniority: seniorityOf(null, title),
    tags: category ? [category] : [],
    salary: directSalary(
      num(item.salary_min),
      num(item.salary_max),
      CURRENCIES[country.toLowerCase()] ?? null,
      'year',
      str(item.salary_is_predicted) === '1',
    ),
    descriptionHtml: text ? `<p>${escapeHtml(text)}</p>` : '',
    descriptionText: text,
    postedAt,
    expiresAt: null,
    attribution: { text: 'Jobs by Adzuna', url },
  };
}
