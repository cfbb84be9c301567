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
import { fetchSourceJson, isRecord, num, str, trimBase } from './http';

const INTERVALS: Record<string, SalaryInterval> = {
  '1 YEAR': 'year',
  '1 MONTH': 'month',
  '1 WEEK': 'week',
  '1 DAY': 'day',
  '1 HOUR': 'hour',
};

/**
 * Ashby posting API `GET /posting-api/job-board/{name}?includeCompensation=true`:
 * `{apiVersion, jobs}`; unlisted jobs (`isListed: false`) are dropped; salary
 * from the `Salary` compensation component. The company's own board: no attribution.
 */
export class AshbySource extends CompanyBoardsSource {
  readonly name = 'ashby';

  async fetchBoard(board: string): Promise<BoardPage> {
    const body = await fetchSourceJson(
      this.name,
      `${trimBase(this.baseUrl)}/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`,
      { timeoutMs: this.timeoutMs },
    );
    if (!isRecord(body) || !Array.isArray(body.jobs))
      throw new JobSourceError(this.name, `board ${board}: expected {jobs: [...]}`, false);
    return {
      items: body.jobs,
      map: (item) => mapAshby(item, board),
      drop: (item) => item.isListed === false,
    };
  }
}

function ashbySalary(item: Record<string, unknown>) {
  const compensation = isRecord(item.compensation) ? item.compensation : null;
  const components = Array.isArray(compensation?.summaryComponents)
    ? compensation.summaryComponents.filter(isRecord)
    : [];
  const salary = components.find((c) => c.compensationType === 'Salary');
  if (!salary) return null;
  const interval = INTERVALS[str(salary.interval)?.toUpperCase() ?? ''];
  if (!interval) return null;
  return directSalary(
    num(salary.minValue),
    num(salary.maxValue),
    str(salary.currencyCode),
    interval,
  );
}

export function mapAshby(item: Record<string, unknown>, board: string): NormalizedPosting | null {
  const id = str(item.id);
  const title = str(item.title);
  const url = canonicalUrl(str(item.jobUrl));
  const postedAt = parseSourceDate(item.publishedAt);
  if (!id || !title || !url || !postedAt) return null;
  const location = str(item.location);
  const address =
    isRecord(item.address) && isRecord(item.address.postalAddress)
      ? item.address.postalAddress
      : {};
  const remote = item.isRemote === true || looksRemote(location);
  const html = sanitizeHtml(str(item.descriptionHtml) ?? '');
  return {
    source: 'ashby',
    sourceJobId: id,
    url,
    applyUrl: canonicalUrl(str(item.applyUrl)) ?? url,
    title: decodeEntities(title),
    company: board,
    companyUrl: null,
    companyLogoUrl: null,
    location,
    country: countryOf(str(address.addressCountry)) ?? countryOf(location),
    latitude: null,
    longitude: null,
    remote,
    workplaceType: workplaceTypeOf(str(item.workplaceType), remote),
    employmentType: employmentTypeOf(str(item.employmentType)),
    seniority: seniorityOf(null, title),
    tags: [str(item.department), str(item.team)].filter((t): t is string => t !== null),
    salary: ashbySalary(item),
    descriptionHtml: html,
    descriptionText: html ? htmlToText(html) : (str(item.descriptionPlain) ?? ''),
    postedAt,
    expiresAt: null,
    attribution: null,
  };
}
