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
  employmentTypeOf,
  htmlToText,
  parseSourceDate,
  sanitizeHtml,
  seniorityOf,
  workplaceTypeOf,
} from '../normalize';
import { fetchSourceJson, isRecord, mapItems, str, strings } from './http';

const MAX_PAGES = 20;

/**
 * Arbeitnow `GET /api/job-board-api?page=N`: `{data, links: {next}, meta}`;
 * `created_at` in seconds; the page size varies, so `links.next` is followed.
 */
export class ArbeitnowSource implements JobSource {
  readonly name = 'arbeitnow';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const base = this.baseUrl.replace(/\/$/, '');
    let next: string | null = `${base}/api/job-board-api?page=1`;
    const postings: NormalizedPosting[] = [];
    let skipped = 0;
    let pages = 0;
    let capped = false;
    while (next && pages < MAX_PAGES && !capped && postings.length < options.maxPostings) {
      const body = await fetchSourceJson(this.name, next, { timeoutMs: this.timeoutMs });
      if (!isRecord(body) || !Array.isArray(body.data))
        throw new JobSourceError(this.name, 'expected {data: [...]}', false);
      pages += 1;
      const page = mapItems(body.data, mapArbeitnow, options.maxPostings - postings.length);
      postings.push(...page.postings);
      skipped += page.skipped;
      if (page.capped) capped = true;
      const link = isRecord(body.links) ? str(body.links.next) : null;
      // Follow only links on the configured host (the fake's, or arbeitnow.com's).
      next =
        link && new URL(link, base).origin === new URL(base).origin
          ? new URL(link, base).toString()
          : null;
    }
    return { postings, complete: next === null && !capped, skipped };
  }
}

export function mapArbeitnow(item: Record<string, unknown>): NormalizedPosting | null {
  const id = str(item.slug);
  const title = str(item.title);
  const company = str(item.company_name);
  const url = canonicalUrl(str(item.url));
  const postedAt = parseSourceDate(item.created_at);
  if (!id || !title || !company || !url || !postedAt) return null;
  const html = sanitizeHtml(str(item.description) ?? '');
  const remote = item.remote === true;
  const location = str(item.location);
  const types = strings(item.job_types);
  return {
    source: 'arbeitnow',
    sourceJobId: id,
    url,
    applyUrl: url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: null,
    location: location ?? (remote ? 'Remote' : null),
    country: countryOf(location) ?? 'DE',
    latitude: null,
    longitude: null,
    remote,
    workplaceType: workplaceTypeOf(types.join(' '), remote),
    employmentType: types.map((t) => employmentTypeOf(t)).find(Boolean) ?? null,
    seniority: seniorityOf(types.join(' '), title),
    tags: strings(item.tags),
    salary: null,
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: null,
    attribution: { text: 'Arbeitnow', url },
  };
}
