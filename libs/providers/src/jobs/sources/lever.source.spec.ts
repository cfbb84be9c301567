import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import { LeverSource } from './lever.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 500, now };

/** Lever's `mode=json` format: uuid ids, `createdAt` in milliseconds, lists, salaryRange. */
const posting = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: `5ac21346-8e0c-4494-8e7a-3eb92ff7${String(n).padStart(4, '0')}`,
  text: `Backend Engineer ${n}`,
  createdAt: 1787046089466,
  categories: {
    location: 'London, United Kingdom',
    allLocations: ['London, United Kingdom'],
    commitment: 'Full-time',
    team: 'Platform',
    department: 'Engineering',
  },
  country: 'GB',
  workplaceType: 'hybrid',
  description: '<div>Build <b>APIs</b>.</div>',
  descriptionPlain: 'Build APIs.',
  lists: [{ text: 'What you will do', content: '<li>Ship</li><li>Review</li>' }],
  additional: '<div>Visa sponsorship available.</div>',
  hostedUrl: `https://jobs.lever.co/globex/${n}`,
  applyUrl: `https://jobs.lever.co/globex/${n}/apply?lever-source=linkedin`,
  salaryRange: { currency: 'GBP', interval: 'per-year-salary', min: 70000, max: 90000 },
  ...overrides,
});

describe('LeverSource', () => {
  let fake: JobBoardsFake;
  let source: LeverSource;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
    source = new LeverSource(fake.url, 1000, ['globex']);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.set('lever', [posting(1), { id: 'x', text: 'No date' }], 'globex'));

  it('reads milliseconds, the lists and additional sections, the salary range and the commitment', async () => {
    const batch = await source.fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    const [p] = batch.postings;
    expect(p).toMatchObject({
      source: 'lever',
      company: 'globex',
      country: 'GB',
      workplaceType: 'hybrid',
      remote: false,
      employmentType: 'full_time',
      applyUrl: 'https://jobs.lever.co/globex/1/apply',
      tags: ['Platform', 'Engineering'],
      salary: { min: 70000, max: 90000, currency: 'GBP', interval: 'year', isEstimated: false },
    });
    expect(p.postedAt.toISOString()).toBe(new Date(1787046089466).toISOString());
    expect(p.descriptionHtml).toContain('<h3>What you will do</h3><ul><li>Ship</li>');
    expect(p.descriptionText).toContain('Visa sponsorship available.');
  });

  it('pages with skip/limit until a short page', async () => {
    fake.set(
      'lever',
      Array.from({ length: 130 }, (_, i) => posting(i)),
      'globex',
    );
    const before = fake.requests.length;
    const batch = await source.fetch(options);
    expect(batch.postings).toHaveLength(130);
    expect(fake.requests.slice(before).map((r) => new URL(r.url).searchParams.get('skip'))).toEqual(
      ['0', '100'],
    );
  });

  it('a site that answers 404 fails its probe', async () => {
    await expect(source.probe('nobody')).rejects.toMatchObject({ status: 404, retryable: false });
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    fake.fail('lever', fault);
    const failure = await source.fetch(options).catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source.fetch(options)).postings).toHaveLength(1);
  });
});
