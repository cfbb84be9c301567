import { JobSourceError, type NormalizedPosting, type SalaryInterval } from '../job-source.port';
import {
  canonicalUrl,
  countryOf,
  decodeEntities,
  directSalary,
  employmentTypeOf,
  htmlToText,
  looksRemote,
  parseSourceDate,
  sanitizeHtml,
  seniorityOf,
  workplaceTypeOf,
} from '../normalize';
import { CompanyBoardsSource, type BoardPage } from './boards';
import { fetchSourceJson, isRecord, num, str, strings, trimBase } from './http';

const PAGE = 100;
const MAX_PAGES = 10;

const INTERVALS: Record<string, SalaryInterval> = {
  'per-year-salary': 'year',
  'per-month-salary': 'month',
  'per-week-salary': 'week',
  'per-day-wage': 'day',
  'per-hour-wage': 'hour',
};

/**
 * Lever postings API `GET /v0/postings/{site}?mode=json&skip&limit`: a bare
 * array, uuid ids, `createdAt` in milliseconds, description HTML plus `lists`
 * and `additional` sections, `salaryRange` with a per-interval name. Paged with
 * skip/limit until a short page. The company's own board: no attribution.
 */
export class LeverSource extends CompanyBoardsSource {
  readonly name = 'lever';

  async fetchBoard(site: string): Promise<BoardPage> {
    const items: unknown[] = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body: unknown = await fetchSourceJson(
        this.name,
        `${trimBase(this.baseUrl)}/v0/postings/${encodeURIComponent(site)}?mode=json&skip=${page * PAGE}&limit=${PAGE}`,
        { timeoutMs: this.timeoutMs },
      );
      if (!Array.isArray(body))
        throw new JobSourceError(this.name, `site ${site}: expected a JSON array`, false);
      items.push(...(body as unknown[]));
      if (body.length < PAGE) break;
    }
    return { items, map: (item) => mapLever(item, site) };
  }
}

function leverHtml(item: Record<string, unknown>): string {
  const lists = Array.isArray(item.lists)
    ? item.lists
        .filter(isRecord)
        .map((l) => `<h3>${str(l.text) ?? ''}</h3><ul>${str(l.content) ?? ''}</ul>`)
    : [];
  return sanitizeHtml(
    [str(item.description) ?? '', ...lists, str(item.additional) ?? ''].join('\n'),
  );
}

export function mapLever(item: Record<string, unknown>, site: string): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.text);
  const url = canonicalUrl(str(item.hostedUrl));
  const postedAt = parseSourceDate(item.createdAt);
  if (!id || !title || !url || !postedAt) return null;
  const categories = isRecord(item.categories) ? item.categories : {};
  const location = str(categories.location);
  const workplace = str(item.workplaceType);
  const remote = workplace === 'remote' || looksRemote(location);
  const range = isRecord(item.salaryRange) ? item.salaryRange : null;
  const html = leverHtml(item);
  return {
    source: 'lever',
    sourceJobId: id,
    url,
    applyUrl: canonicalUrl(str(item.applyUrl)) ?? url,
    title: decodeEntities(title),
    company: site,
    companyUrl: null,
    companyLogoUrl: null,
    location,
    country: str(item.country)?.toUpperCase() ?? countryOf(location),
    latitude: null,
    longitude: null,
    remote,
    workplaceType:
      workplace === 'unspecified' ? (remote ? 'remote' : null) : workplaceTypeOf(workplace, remote),
    employmentType: employmentTypeOf(str(categories.commitment)),
    seniority: seniorityOf(null, title),
    tags: [str(categories.team), str(categories.department), ...strings(item.tags)].filter(
      (t): t is string => t !== null,
    ),
    salary: range
      ? directSalary(
          num(range.min),
          num(range.max),
          str(range.currency),
          INTERVALS[str(range.interval) ?? ''] ?? 'year',
        )
      : null,
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: null,
    attribution: null,
  };
}
