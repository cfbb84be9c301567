import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import type { RequestBudget } from '../job-source.port';
import { AdzunaSource } from './adzuna.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 1000, now };

/** Adzuna's search result: string ids, truncated plain-text description, predicted salary as "1". */
const result = (n: number, overrides: Record<string, unknown> = {}) => ({
  __CLASS__: 'Adzuna::API::Response::Job',
  id: String(3850558069 + n),
  adref: 'eyJhbGciOiJIUzI1NiJ9',
  title: 'Payroll Administrator',
  description:
    'We are looking for a Payroll Administrator to join our team in Enfield &amp; run&hellip;',
  created: '2026-11-15T14:19:23Z',
  redirect_url: `https://www.adzuna.co.uk/jobs/land/ad/${3850558069 + n}?se=abc&utm_medium=api&v=1`,
  company: { __CLASS__: 'Adzuna::API::Response::Company', display_name: 'Initrode Ltd' },
  location: {
    __CLASS__: 'Adzuna::API::Response::Location',
    display_name: 'Enfield, London',
    area: ['UK', 'London', 'Enfield'],
  },
  category: {
    __CLASS__: 'Adzuna::API::Response::Category',
    label: 'Accounting & Finance Jobs',
    tag: 'accounting-finance-jobs',
  },
  salary_min: 37258.19,
  salary_max: 37258.19,
  salary_is_predicted: '1',
  contract_time: 'full_time',
  contract_type: 'permanent',
  latitude: 51.6522,
  longitude: -0.0808,
  ...overrides,
});

/** A budget that allows `left` requests, then answers a wait. */
function budget(left: number): RequestBudget & { taken: number } {
  return {
    taken: 0,
    take(source) {
      expect(source).toBe('adzuna');
      this.taken += 1;
      return Promise.resolve(
        this.taken <= left ? { allowed: true } : { allowed: false, retryAfterSeconds: 42 },
      );
    },
  };
}

describe('AdzunaSource', () => {
  let fake: JobBoardsFake;
  const source = (b: RequestBudget, countries = ['gb']) =>
    new AdzunaSource({
      baseUrl: fake.url,
      timeoutMs: 1000,
      appId: 'app-id',
      appKey: 'app-key',
      countries,
      budget: b,
    });

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.adzunaCount = null;
    fake.set(
      'adzuna',
      [
        result(1),
        result(2, { salary_is_predicted: '0', salary_min: 40000, salary_max: 45000 }),
        { id: '9', title: '' },
      ],
      'gb',
    );
  });

  it('reads string ids, marks predicted salaries as estimates, attributes "Jobs by Adzuna", sends the credentials', async () => {
    const batch = await source(budget(10)).fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    const [predicted, advertised] = batch.postings;
    expect(predicted).toMatchObject({
      source: 'adzuna',
      sourceJobId: '3850558070',
      url: 'https://adzuna.co.uk/jobs/land/ad/3850558070?se=abc&v=1',
      company: 'Initrode Ltd',
      country: 'GB',
      employmentType: 'full_time',
      latitude: 51.6522,
      salary: {
        min: 37258.19,
        max: 37258.19,
        currency: 'GBP',
        interval: 'year',
        isEstimated: true,
      },
      attribution: { text: 'Jobs by Adzuna' },
    });
    expect(predicted.descriptionText).toBe(
      'We are looking for a Payroll Administrator to join our team in Enfield & run…',
    );
    expect(advertised.salary).toMatchObject({ isEstimated: false, min: 40000 });
    const sent = new URL(fake.requests.at(-1)!.url);
    expect(sent.pathname).toBe('/v1/api/jobs/gb/search/1');
    expect(sent.searchParams.get('app_id')).toBe('app-id');
    expect(sent.searchParams.get('app_key')).toBe('app-key');
  });

  it('takes one from the shared budget per request; a spent budget before the first page fails with its wait', async () => {
    await expect(source(budget(0)).fetch(options)).rejects.toMatchObject({
      retryable: true,
      retryAfterSeconds: 42,
    });
    fake.set(
      'adzuna',
      Array.from({ length: 120 }, (_, i) => result(i)),
      'gb',
    );
    fake.adzunaCount = 5000;
    const b = budget(2);
    const batch = await source(b).fetch(options);
    expect(batch.postings).toHaveLength(100); // two pages of 50, then the budget ran out
    expect(batch.complete).toBe(false);
    expect(b.taken).toBe(3);
  });

  it('searches every configured country', async () => {
    fake.set('adzuna', [result(7)], 'de');
    const batch = await source(budget(10), ['gb', 'de']).fetch(options);
    expect(batch.postings.map((p) => p.country)).toEqual(['GB', 'GB', 'DE']);
    expect(batch.postings[2].salary?.currency).toBe('EUR');
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    fake.fail('adzuna', fault);
    const failure = await source(budget(10))
      .fetch(options)
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source(budget(10)).fetch(options)).postings).toHaveLength(2);
  });
});
