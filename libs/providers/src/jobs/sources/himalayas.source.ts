import {
  JobSourceError,
  type JobSource,
  type JobSourceBatch,
  type JobSourceFetchOptions,
  type NormalizedPosting,
} from '../job-source.port';
import {
  canonicalUrl,
  countryOf,
  decodeEntities,
  directSalary,
  employmentTypeOf,
  htmlToText,
  parseSourceDate,
  sanitizeHtml,
  seniorityOf,
} from '../normalize';
import { fetchSourceJson, isRecord, mapItems, num, str, strings, trimBase } from './http';

const PAGE = 20;
const MAX_PAGES = 25;

/**
 * Himalayas `GET /jobs/api?limit&offset`: `{jobs, offset, limit, totalCount}`,
 * `pubDate`/`expiryDate` in milliseconds, annual salaries, remote-only jobs with
 * country restrictions. Answers 429 when pushed (the run then waits its
 * Retry-After). Terms: name Himalayas and link back.
 */
export class HimalayasSource implements JobSource {
  readonly name = 'himalayas';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const postings: NormalizedPosting[] = [];
    let skipped = 0;
    let offset = 0;
    let total = Infinity;
    let capped = false;
    for (let page = 0; page < MAX_PAGES && offset < total && !capped; page += 1) {
      const body = await fetchSourceJson(
        this.name,
        `${trimBase(this.baseUrl)}/jobs/api?limit=${PAGE}&offset=${offset}`,
        { timeoutMs: this.timeoutMs },
      );
      if (!isRecord(body) || !Array.isArray(body.jobs))
        throw new JobSourceError(this.name, 'expected {jobs: [...]}', false);
      const mapped = mapItems(body.jobs, mapHimalayas, options.maxPostings - postings.length);
      postings.push(...mapped.postings);
      skipped += mapped.skipped;
      capped = mapped.capped || postings.length >= options.maxPostings;
      total = num(body.totalCount) ?? 0;
      if (body.jobs.length === 0) break;
      offset += body.jobs.length;
    }
    return { postings, complete: !capped && offset >= total, skipped };
  }
}

export function mapHimalayas(item: Record<string, unknown>): NormalizedPosting | null {
  const id = str(item.guid);
  const title = str(item.title);
  const company = str(item.companyName);
  const url = canonicalUrl(id);
  const postedAt = parseSourceDate(item.pubDate);
  if (!id || !title || !company || !url || !postedAt) return null;
  const html = sanitizeHtml(str(item.description) ?? str(item.excerpt) ?? '');
  const countries = strings(item.locationRestrictions);
  const seniority = strings(item.seniority);
  return {
    source: 'himalayas',
    sourceJobId: id,
    url,
    applyUrl: canonicalUrl(str(item.applicationLink)) ?? url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: str(item.companyLogo),
    location: countries.length ? `Remote (${countries.join(', ')})` : 'Remote',
    country: countries.length === 1 ? countryOf(countries[0]) : null,
    latitude: null,
    longitude: null,
    remote: true,
    workplaceType: 'remote',
    employmentType: employmentTypeOf(str(item.employmentType)),
    seniority: seniorityOf(seniority[0] ?? null, title),
    tags: strings(item.categories),
    salary: directSalary(num(item.minSalary), num(item.maxSalary), str(item.currency), 'year'),
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: parseSourceDate(item.expiryDate),
    attribution: { text: 'Himalayas', url },
  };
}
