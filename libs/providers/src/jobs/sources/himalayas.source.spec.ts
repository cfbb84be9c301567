import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import { HimalayasSource } from './himalayas.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 500, now };

/** Himalayas' `/jobs/api` item: milliseconds, annual salaries, country restrictions. */
const job = (n: number, overrides: Record<string, unknown> = {}) => ({
  title: `Backend Engineer ${n}`,
  excerpt: 'Lead our platform work.',
  companyName: 'Hooli &amp; Sons',
  companySlug: 'hooli',
  companyLogo: 'https://cdn.himalayas.app/hooli.png',
  employmentType: 'Full Time',
  minSalary: 150000,
  maxSalary: 190000,
  currency: 'USD',
  seniority: ['Senior'],
  locationRestrictions: ['United States'],
  timezoneRestrictions: [-5, -8],
  categories: ['Software Engineering'],
  parentCategories: ['Engineering'],
  description: '<p>Lead our <strong>platform</strong> work.</p>',
  pubDate: 1733260504000,
  expiryDate: 1738444504000,
  applicationLink: `https://hooli.example.com/jobs/${n}`,
  guid: `https://himalayas.app/companies/hooli/jobs/backend-engineer-${n}`,
  ...overrides,
});

describe('HimalayasSource', () => {
  let fake: JobBoardsFake;
  let source: HimalayasSource;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
    source = new HimalayasSource(fake.url, 1000);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.set('himalayas', [job(1), { guid: 'x', title: 'Broken' }]));

  it('reads milliseconds, annual salaries, the restriction as country, and attributes Himalayas', async () => {
    const batch = await source.fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    const [p] = batch.postings;
    expect(p).toMatchObject({
      source: 'himalayas',
      sourceJobId: 'https://himalayas.app/companies/hooli/jobs/backend-engineer-1',
      company: 'Hooli & Sons',
      location: 'Remote (United States)',
      country: 'US',
      remote: true,
      employmentType: 'full_time',
      seniority: 'senior',
      salary: { min: 150000, max: 190000, currency: 'USD', interval: 'year' },
      attribution: {
        text: 'Himalayas',
        url: 'https://himalayas.app/companies/hooli/jobs/backend-engineer-1',
      },
    });
    expect(p.postedAt.toISOString()).toBe(new Date(1733260504000).toISOString());
    expect(p.expiresAt?.toISOString()).toBe(new Date(1738444504000).toISOString());
  });

  it('follows offsets until totalCount and stops at maxPostings', async () => {
    fake.set(
      'himalayas',
      Array.from({ length: 45 }, (_, i) => job(i)),
    );
    expect((await source.fetch(options)).postings).toHaveLength(45);
    const capped = await source.fetch({ ...options, maxPostings: 30 });
    expect(capped.postings).toHaveLength(30);
    expect(capped.complete).toBe(false);
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    fake.fail('himalayas', fault);
    const failure = await source.fetch(options).catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source.fetch(options)).postings).toHaveLength(1);
  });
});
