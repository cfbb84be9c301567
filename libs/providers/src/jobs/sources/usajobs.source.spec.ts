import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import { UsaJobsSource } from './usajobs.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 2000, now };

/** A USAJobs search item: string salaries with a RateIntervalCode, naive dates. */
const item = (id: string, overrides: Record<string, unknown> = {}) => ({
  MatchedObjectId: id,
  MatchedObjectDescriptor: {
    PositionID: `VA-${id}`,
    PositionTitle: 'IT Specialist (INFOSEC)',
    PositionURI: `https://www.usajobs.gov:443/GetJob/ViewDetails/${id}`,
    ApplyURI: [`https://www.usajobs.gov:443/GetJob/ViewDetails/${id}?PostingChannelID=RESTAPI`],
    PositionLocationDisplay: 'Anywhere in the U.S. (remote job)',
    PositionLocation: [
      {
        LocationName: 'Washington, District of Columbia',
        CountryCode: 'United States',
        Latitude: 38.89,
        Longitude: -77.03,
      },
    ],
    OrganizationName: 'Veterans Affairs, Veterans Health Administration',
    DepartmentName: 'Department of Veterans Affairs',
    JobCategory: [{ Name: 'Information Technology Management', Code: '2210' }],
    PositionSchedule: [{ Name: 'Full-time', Code: '1' }],
    PositionRemuneration: [
      {
        MinimumRange: '134751.0',
        MaximumRange: '175182.0',
        RateIntervalCode: 'PA',
        Description: 'Per Year',
      },
    ],
    PublicationStartDate: '2026-11-20T00:00:00.0000',
    ApplicationCloseDate: '2026-12-20T23:59:59.9970',
    UserArea: {
      Details: {
        JobSummary: 'Protect <systems> & data.',
        MajorDuties: ['Assess risk', 'Harden hosts'],
        RemoteIndicator: true,
      },
    },
    ...overrides,
  },
});

describe('UsaJobsSource', () => {
  let fake: JobBoardsFake;
  const source = () =>
    new UsaJobsSource({
      baseUrl: fake.url,
      timeoutMs: 1000,
      apiKey: 'usa-key',
      userAgent: 'ops@example.com',
    });

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
  });
  afterAll(() => fake.close());
  beforeEach(() =>
    fake.set('usajobs', [
      item('812345600'),
      item('812345601', {
        PositionRemuneration: [
          { MinimumRange: '2400.0', MaximumRange: '2800.0', RateIntervalCode: 'BW' },
        ],
        PositionLocationDisplay: 'Denver, Colorado',
        UserArea: { Details: { JobSummary: 'Onsite.', RemoteIndicator: false } },
      }),
      { MatchedObjectId: '1' },
    ]),
  );

  it('sends the key and the registered email; reads string salaries, naive dates as UTC, escapes the summary', async () => {
    const batch = await source().fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    const headers = fake.requests.at(-1)!.headers;
    expect(headers['authorization-key']).toBe('usa-key');
    expect(headers['user-agent']).toBe('ops@example.com');
    const [remote, biweekly] = batch.postings;
    expect(remote).toMatchObject({
      source: 'usajobs',
      sourceJobId: '812345600',
      company: 'Veterans Affairs, Veterans Health Administration',
      country: 'US',
      latitude: 38.89,
      remote: true,
      employmentType: 'full_time',
      tags: ['Information Technology Management'],
      salary: { min: 134751, max: 175182, currency: 'USD', interval: 'year' },
      attribution: null,
    });
    expect(remote.postedAt.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(remote.expiresAt?.toISOString()).toBe('2026-12-20T23:59:59.997Z');
    expect(remote.descriptionHtml).toBe(
      '<p>Protect &lt;systems&gt; &amp; data.</p><ul><li>Assess risk</li><li>Harden hosts</li></ul>',
    );
    expect(biweekly).toMatchObject({
      remote: false,
      salary: { min: 1200, max: 1400, interval: 'week' },
    });
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    fake.fail('usajobs', fault);
    const failure = await source()
      .fetch(options)
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source().fetch(options)).postings).toHaveLength(2);
  });
});
