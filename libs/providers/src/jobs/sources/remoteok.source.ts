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
} from '../normalize';
import { fetchSourceJson, mapItems, num, str, strings } from './http';

/**
 * RemoteOK `GET /api`: a JSON array whose element [0] is a legal notice, string
 * ids, HTML-escaped company names, `epoch` in seconds, empty locations.
 * Terms: link back to the job on Remote OK and name it as the source.
 */
export class RemoteOkSource implements JobSource {
  readonly name = 'remoteok';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const body = await fetchSourceJson(this.name, `${this.baseUrl.replace(/\/$/, '')}/api`, {
      timeoutMs: this.timeoutMs,
      headers: { 'user-agent': 'career-tools-api job aggregator' },
    });
    if (!Array.isArray(body)) throw new JobSourceError(this.name, 'expected a JSON array', false);
    const { postings, skipped, capped } = mapItems(
      body,
      mapRemoteOk,
      options.maxPostings,
      (item) => item.legal !== undefined, // the legal notice
    );
    return { postings, complete: !capped, skipped };
  }
}

export function mapRemoteOk(item: Record<string, unknown>): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.position);
  const company = str(item.company);
  const url = canonicalUrl(str(item.url));
  const postedAt = parseSourceDate(item.epoch ?? null) ?? parseSourceDate(item.date);
  if (!id || !title || !company || !url || !postedAt) return null;
  const html = sanitizeHtml(str(item.description) ?? '');
  const location = str(item.location) ? decodeEntities(str(item.location)!) : null;
  const min = num(item.salary_min);
  const max = num(item.salary_max);
  const tags = strings(item.tags);
  return {
    source: 'remoteok',
    sourceJobId: id,
    url,
    applyUrl: canonicalUrl(str(item.apply_url)) ?? url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: null, // the terms do not allow using their logos
    location: location ?? 'Remote',
    country: countryOf(location),
    latitude: null,
    longitude: null,
    remote: true,
    workplaceType: 'remote',
    employmentType: employmentTypeOf(tags.find((t) => employmentTypeOf(t)) ?? 'full time'),
    seniority: seniorityOf(null, title),
    tags,
    salary:
      (min && min > 0) || (max && max > 0)
        ? {
            min: min || null,
            max: max || null,
            currency: 'USD',
            interval: 'year',
            isEstimated: false,
            origin: 'direct',
          }
        : null,
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: null,
    attribution: { text: 'Remote OK', url },
  };
}
