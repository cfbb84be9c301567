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
  parseSalaryText,
  parseSourceDate,
  sanitizeHtml,
  seniorityOf,
} from '../normalize';
import { fetchSourceJson, isRecord, mapItems, str, strings } from './http';

/**
 * Remotive `GET /api/remote-jobs`: `{jobs: [...]}` with numeric ids, naive
 * `publication_date` (UTC), free-text salary. Terms: link back and name Remotive;
 * a few requests a day (the scheduler runs it at most every 6 hours).
 */
export class RemotiveSource implements JobSource {
  readonly name = 'remotive';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const body = await fetchSourceJson(
      this.name,
      `${this.baseUrl.replace(/\/$/, '')}/api/remote-jobs`,
      { timeoutMs: this.timeoutMs },
    );
    if (!isRecord(body) || !Array.isArray(body.jobs))
      throw new JobSourceError(this.name, 'expected {jobs: [...]}', false);
    const { postings, skipped, capped } = mapItems(body.jobs, mapRemotive, options.maxPostings);
    return { postings, complete: !capped, skipped };
  }
}

export function mapRemotive(item: Record<string, unknown>): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.title);
  const company = str(item.company_name);
  const url = canonicalUrl(str(item.url));
  const postedAt = parseSourceDate(item.publication_date);
  if (!id || !title || !company || !url || !postedAt) return null;
  const html = sanitizeHtml(str(item.description) ?? '');
  const location = str(item.candidate_required_location);
  return {
    source: 'remotive',
    sourceJobId: id,
    url,
    applyUrl: url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: str(item.company_logo),
    location: location ? `Remote (${location})` : 'Remote',
    country: countryOf(location),
    latitude: null,
    longitude: null,
    remote: true,
    workplaceType: 'remote',
    employmentType: employmentTypeOf(str(item.job_type)),
    seniority: seniorityOf(null, title),
    tags: [...strings(item.tags), ...(str(item.category) ? [str(item.category)!] : [])],
    salary: parseSalaryText(str(item.salary)),
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: null,
    attribution: { text: 'Remotive', url },
  };
}
