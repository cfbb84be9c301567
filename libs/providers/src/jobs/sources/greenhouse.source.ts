import { JobSourceError, type NormalizedPosting } from '../job-source.port';
import {
  canonicalUrl,
  countryOf,
  decodeEntities,
  htmlToText,
  looksRemote,
  parseSourceDate,
  sanitizeEscapedHtml,
  seniorityOf,
  workplaceTypeOf,
} from '../normalize';
import { CompanyBoardsSource, type BoardPage } from './boards';
import { fetchSourceJson, isRecord, str, trimBase } from './http';

/**
 * Greenhouse job board API `GET /v1/boards/{token}/jobs?content=true`:
 * `{jobs: [...]}`, int ids, `content` entity-escaped HTML, dates with offsets,
 * no pagination, no auth. The company's own board: no attribution required.
 */
export class GreenhouseSource extends CompanyBoardsSource {
  readonly name = 'greenhouse';

  async fetchBoard(token: string): Promise<BoardPage> {
    const body = await fetchSourceJson(
      this.name,
      `${trimBase(this.baseUrl)}/v1/boards/${encodeURIComponent(token)}/jobs?content=true`,
      { timeoutMs: this.timeoutMs },
    );
    if (!isRecord(body) || !Array.isArray(body.jobs))
      throw new JobSourceError(this.name, `board ${token}: expected {jobs: [...]}`, false);
    return { items: body.jobs, map: (item) => mapGreenhouse(item, token) };
  }
}

export function mapGreenhouse(
  item: Record<string, unknown>,
  board: string,
): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.title);
  const url = canonicalUrl(str(item.absolute_url));
  const postedAt = parseSourceDate(item.first_published) ?? parseSourceDate(item.updated_at);
  if (!id || !title || !url || !postedAt) return null;
  const html = sanitizeEscapedHtml(str(item.content) ?? '');
  const location = isRecord(item.location) ? str(item.location.name) : null;
  const remote = looksRemote(location);
  const departments = Array.isArray(item.departments)
    ? item.departments.map((d) => (isRecord(d) ? str(d.name) : null)).filter((d) => d !== null)
    : [];
  return {
    source: 'greenhouse',
    sourceJobId: `${board}:${id}`,
    url,
    applyUrl: url,
    title: decodeEntities(title),
    company: decodeEntities(str(item.company_name) ?? board),
    companyUrl: null,
    companyLogoUrl: null,
    location: location ? decodeEntities(location) : null,
    country: countryOf(location),
    latitude: null,
    longitude: null,
    remote,
    workplaceType: workplaceTypeOf(location, remote),
    employmentType: null,
    seniority: seniorityOf(null, title),
    tags: departments,
    salary: null,
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: null,
    attribution: null,
  };
}
