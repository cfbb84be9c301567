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
  htmlToText,
  looksRemote,
  parseSourceDate,
  sanitizeHtml,
  seniorityOf,
  workplaceTypeOf,
} from '../normalize';
import { fetchSourceJson, isRecord, mapItems, num, str, trimBase } from './http';

const MAX_PAGES = 20;

function names(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((v) => (isRecord(v) ? str(v.name) : null)).filter((v): v is string => v !== null)
    : [];
}

/**
 * The Muse `GET /api/public/jobs?page=N` (pages count from 0; `page_count` says
 * how many): int ids, title in `name`, HTML `contents`, locations/levels/categories
 * as `{name}` lists. Works keyless (500 requests/hour); `THE_MUSE_API_KEY` raises
 * that to 3,600. Attribution: name The Muse and link to the job's landing page.
 */
export class TheMuseSource implements JobSource {
  readonly name = 'themuse';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly apiKey: string | undefined,
  ) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const postings: NormalizedPosting[] = [];
    let skipped = 0;
    let pageCount = 1;
    let page = 0;
    let capped = false;
    while (page < Math.min(pageCount, MAX_PAGES) && !capped) {
      const key = this.apiKey ? `&api_key=${encodeURIComponent(this.apiKey)}` : '';
      const body = await fetchSourceJson(
        this.name,
        `${trimBase(this.baseUrl)}/api/public/jobs?page=${page}${key}`,
        { timeoutMs: this.timeoutMs },
      );
      if (!isRecord(body) || !Array.isArray(body.results))
        throw new JobSourceError(this.name, 'expected {results: [...]}', false);
      const mapped = mapItems(body.results, mapTheMuse, options.maxPostings - postings.length);
      postings.push(...mapped.postings);
      skipped += mapped.skipped;
      capped = mapped.capped || postings.length >= options.maxPostings;
      pageCount = num(body.page_count) ?? 0;
      page += 1;
    }
    return { postings, complete: !capped && page >= pageCount, skipped };
  }
}

export function mapTheMuse(item: Record<string, unknown>): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.name);
  const company = isRecord(item.company) ? str(item.company.name) : null;
  const url = canonicalUrl(isRecord(item.refs) ? str(item.refs.landing_page) : null);
  const postedAt = parseSourceDate(item.publication_date);
  if (!id || !title || !company || !url || !postedAt) return null;
  const html = sanitizeHtml(str(item.contents) ?? '');
  const locations = names(item.locations);
  const remote = locations.some((l) => looksRemote(l) || /flexible/i.test(l));
  const places = locations.filter((l) => !looksRemote(l) && !/flexible/i.test(l));
  const levels = names(item.levels);
  return {
    source: 'themuse',
    sourceJobId: id,
    url,
    applyUrl: url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: null,
    location: places.join('; ') || (remote ? 'Remote' : null),
    country: countryOf(places[0]),
    latitude: null,
    longitude: null,
    remote,
    workplaceType: workplaceTypeOf(null, remote),
    employmentType: null,
    seniority: seniorityOf(levels[0] ?? null, title),
    tags: names(item.categories),
    salary: null,
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: null,
    attribution: { text: 'The Muse', url },
  };
}
