import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import { AshbySource } from './ashby.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 100, now };

/** Ashby's posting API with `includeCompensation=true`. */
const job = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  title: 'Product Designer',
  department: 'Design',
  team: 'Growth',
  employmentType: 'FullTime',
  location: 'Remote',
  secondaryLocations: [],
  isRemote: true,
  workplaceType: 'Remote',
  address: {
    postalAddress: { addressLocality: 'Toronto', addressRegion: 'ON', addressCountry: 'Canada' },
  },
  descriptionHtml: '<p>Design <em>flows</em>.</p><img src="x" onerror="alert(1)">',
  descriptionPlain: 'Design flows.',
  publishedAt: '2026-11-20T16:04:55.120+00:00',
  jobUrl: `https://jobs.ashbyhq.com/initech/${id}`,
  applyUrl: `https://jobs.ashbyhq.com/initech/${id}/application?utm_source=x`,
  isListed: true,
  compensation: {
    compensationTierSummary: 'CA$120K – CA$150K',
    summaryComponents: [
      { compensationType: 'EquityPercentage', interval: 'NONE', minValue: 0.1, maxValue: 0.2 },
      {
        compensationType: 'Salary',
        interval: '1 YEAR',
        currencyCode: 'CAD',
        minValue: 120000,
        maxValue: 150000,
      },
    ],
  },
  ...overrides,
});

describe('AshbySource', () => {
  let fake: JobBoardsFake;
  let source: AshbySource;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
    source = new AshbySource(fake.url, 1000, ['initech']);
  });
  afterAll(() => fake.close());
  beforeEach(() =>
    fake.set(
      'ashby',
      [
        job('4e1b0c2a-0001'),
        job('4e1b0c2a-0002', { isListed: false }),
        job('4e1b0c2a-0003', { publishedAt: 'soon' }),
      ],
      'initech',
    ),
  );

  it('drops unlisted jobs (uncounted), takes the Salary component, reads the address country', async () => {
    const batch = await source.fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    expect(batch.postings).toHaveLength(1);
    const [p] = batch.postings;
    expect(p).toMatchObject({
      source: 'ashby',
      sourceJobId: '4e1b0c2a-0001',
      company: 'initech',
      country: 'CA',
      remote: true,
      workplaceType: 'remote',
      employmentType: 'full_time',
      tags: ['Design', 'Growth'],
      applyUrl: 'https://jobs.ashbyhq.com/initech/4e1b0c2a-0001/application',
      salary: { min: 120000, max: 150000, currency: 'CAD', interval: 'year' },
    });
    expect(p.descriptionHtml).toBe('<p>Design <em>flows</em>.</p>');
    expect(p.postedAt.toISOString()).toBe('2026-11-20T16:04:55.120Z');
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    fake.fail('ashby', fault);
    const failure = await source.fetch(options).catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source.fetch(options)).postings).toHaveLength(1);
  });
});
