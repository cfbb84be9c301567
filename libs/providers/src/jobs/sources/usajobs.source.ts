import {
  JobSourceError,
  type JobSource,
  type JobSourceBatch,
  type JobSourceFetchOptions,
  type NormalizedPosting,
  type NormalizedSalary,
  type SalaryInterval,
} from '../job-source.port';
import {
  canonicalUrl,
  countryOf,
  decodeEntities,
  directSalary,
  employmentTypeOf,
  escapeHtml,
  htmlToText,
  looksRemote,
  parseSourceDate,
  sanitizeHtml,
  seniorityOf,
  workplaceTypeOf,
} from '../normalize';
import { fetchSourceJson, isRecord, mapItems, num, str, strings, trimBase } from './http';

const PAGE = 500;
const MAX_PAGES = 4;

/** RateIntervalCode → interval and the factor that turns the figure into one per interval. */
const RATES: Record<string, [SalaryInterval, number]> = {
  PA: ['year', 1],
  PM: ['month', 1],
  BW: ['week', 0.5],
  PW: ['week', 1],
  PD: ['day', 1],
  PH: ['hour', 1],
};

export interface UsaJobsOptions {
  baseUrl: string;
  timeoutMs: number;
  apiKey: string;
  /** The email registered with the API key: USAJobs requires it as User-Agent. */
  userAgent: string;
}

/**
 * USAJobs `GET /api/Search?Page&ResultsPerPage` with `Authorization-Key` and the
 * registered email as `User-Agent`: `{SearchResult: {SearchResultCountAll,
 * SearchResultItems: [{MatchedObjectId, MatchedObjectDescriptor}]}}`; salaries are
 * strings with a RateIntervalCode, dates naive (UTC). No attribution required.
 */
export class UsaJobsSource implements JobSource {
  readonly name = 'usajobs';

  constructor(private readonly options: UsaJobsOptions) {}

  async fetch(options: JobSourceFetchOptions): Promise<JobSourceBatch> {
    const postings: NormalizedPosting[] = [];
    let skipped = 0;
    let capped = false;
    let total = Infinity;
    let seen = 0;
    for (let page = 1; page <= MAX_PAGES && seen < total && !capped; page += 1) {
      const body = await fetchSourceJson(
        this.name,
        `${trimBase(this.options.baseUrl)}/api/Search?Page=${page}&ResultsPerPage=${PAGE}`,
        {
          timeoutMs: this.options.timeoutMs,
          headers: {
            'user-agent': this.options.userAgent,
            'authorization-key': this.options.apiKey,
          },
        },
      );
      const result = isRecord(body) && isRecord(body.SearchResult) ? body.SearchResult : null;
      if (!result || !Array.isArray(result.SearchResultItems))
        throw new JobSourceError(this.name, 'expected {SearchResult: {SearchResultItems}}', false);
      const mapped = mapItems(
        result.SearchResultItems,
        mapUsaJobs,
        options.maxPostings - postings.length,
      );
      postings.push(...mapped.postings);
      skipped += mapped.skipped;
      capped = mapped.capped || postings.length >= options.maxPostings;
      total = num(result.SearchResultCountAll) ?? 0;
      seen += result.SearchResultItems.length;
      if (result.SearchResultItems.length === 0) break;
    }
    return { postings, complete: !capped && seen >= total, skipped };
  }
}

function usaSalary(descriptor: Record<string, unknown>): NormalizedSalary | null {
  const pay = Array.isArray(descriptor.PositionRemuneration)
    ? descriptor.PositionRemuneration.find(isRecord)
    : undefined;
  const rate = pay ? RATES[str(pay.RateIntervalCode) ?? ''] : undefined;
  if (!pay || !rate) return null; // WC: without compensation
  const [interval, factor] = rate;
  const scale = (v: number | null) => (v === null ? null : Math.round(v * factor * 100) / 100);
  return directSalary(scale(num(pay.MinimumRange)), scale(num(pay.MaximumRange)), 'USD', interval);
}

function usaHtml(descriptor: Record<string, unknown>): string {
  const details =
    isRecord(descriptor.UserArea) && isRecord(descriptor.UserArea.Details)
      ? descriptor.UserArea.Details
      : {};
  const summary = str(details.JobSummary) ?? str(descriptor.QualificationSummary) ?? '';
  const duties = strings(details.MajorDuties);
  return sanitizeHtml(
    (summary ? `<p>${escapeHtml(summary)}</p>` : '') +
      (duties.length ? `<ul>${duties.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : ''),
  );
}

export function mapUsaJobs(item: Record<string, unknown>): NormalizedPosting | null {
  const d = isRecord(item.MatchedObjectDescriptor) ? item.MatchedObjectDescriptor : null;
  const id = str(item.MatchedObjectId);
  if (!d || !id) return null;
  const title = str(d.PositionTitle);
  const company = str(d.OrganizationName) ?? str(d.DepartmentName);
  const url = canonicalUrl(str(d.PositionURI));
  const postedAt = parseSourceDate(d.PublicationStartDate);
  if (!title || !company || !url || !postedAt) return null;
  const place = Array.isArray(d.PositionLocation) ? d.PositionLocation.find(isRecord) : undefined;
  const display = str(d.PositionLocationDisplay);
  const details = isRecord(d.UserArea) && isRecord(d.UserArea.Details) ? d.UserArea.Details : {};
  const remote = details.RemoteIndicator === true || looksRemote(display);
  const schedule = Array.isArray(d.PositionSchedule)
    ? d.PositionSchedule.find(isRecord)
    : undefined;
  const categories = Array.isArray(d.JobCategory)
    ? d.JobCategory.map((c) => (isRecord(c) ? str(c.Name) : null)).filter(
        (c): c is string => c !== null,
      )
    : [];
  const html = usaHtml(d);
  return {
    source: 'usajobs',
    sourceJobId: id,
    url,
    applyUrl: canonicalUrl(strings(d.ApplyURI)[0]) ?? url,
    title: decodeEntities(title),
    company: decodeEntities(company),
    companyUrl: null,
    companyLogoUrl: null,
    location: display ?? (place ? str(place.LocationName) : null),
    country: countryOf(place ? str(place.CountryCode) : null) ?? 'US',
    latitude: place ? num(place.Latitude) : null,
    longitude: place ? num(place.Longitude) : null,
    remote,
    workplaceType: workplaceTypeOf(null, remote),
    employmentType: employmentTypeOf(schedule ? str(schedule.Name) : null),
    seniority: seniorityOf(null, title),
    tags: categories,
    salary: usaSalary(d),
    descriptionHtml: html,
    descriptionText: htmlToText(html),
    postedAt,
    expiresAt: parseSourceDate(d.ApplicationCloseDate),
    attribution: null,
  };
}
