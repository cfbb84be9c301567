import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import { TheMuseSource } from './themuse.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 500, now };

/** The Muse's `/api/public/jobs` result: int ids, title in `name`, `{name}` lists. */
const job = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  name: 'Senior Account Executive',
  type: 'external',
  short_name: `senior-account-executive-${id}`,
  model_type: 'jobs',
  contents: '<p>Own <b>enterprise</b> accounts.</p>',
  publication_date: '2026-11-28T23:59:12.000000Z',
  locations: [{ name: 'New York, NY' }, { name: 'Flexible / Remote' }],
  categories: [{ name: 'Sales' }],
  levels: [{ name: 'Senior Level', short_name: 'senior' }],
  tags: [],
  refs: { landing_page: `https://www.themuse.com/jobs/umbrella/senior-account-executive-${id}` },
  company: { id: 11, short_name: 'umbrella', name: 'Umbrella Corp' },
  ...overrides,
});

describe('TheMuseSource', () => {
  let fake: JobBoardsFake;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.set('themuse', [job(14102864), { id: 1, name: 'No company' }]));

  it('maps name/contents/levels, reads "Flexible / Remote", attributes The Muse, sends the key when given', async () => {
    const batch = await new TheMuseSource(fake.url, 1000, 'muse-key').fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    expect(batch.postings[0]).toMatchObject({
      source: 'themuse',
      sourceJobId: '14102864',
      title: 'Senior Account Executive',
      company: 'Umbrella Corp',
      location: 'New York, NY',
      country: 'US',
      remote: true,
      seniority: 'senior',
      tags: ['Sales'],
      attribution: { text: 'The Muse' },
    });
    expect(batch.postings[0].postedAt.toISOString()).toBe('2026-11-28T23:59:12.000Z');
    expect(new URL(fake.requests.at(-1)!.url).searchParams.get('api_key')).toBe('muse-key');
  });

  it('pages from 0 up to page_count, keyless', async () => {
    fake.set(
      'themuse',
      Array.from({ length: 45 }, (_, i) => job(i + 1)),
    );
    const before = fake.requests.length;
    const batch = await new TheMuseSource(fake.url, 1000, undefined).fetch(options);
    expect(batch.postings).toHaveLength(45);
    const pages = fake.requests.slice(before).map((r) => new URL(r.url).searchParams);
    expect(pages.map((p) => p.get('page'))).toEqual(['0', '1', '2']);
    expect(pages[0].has('api_key')).toBe(false);
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    const source = new TheMuseSource(fake.url, 1000, undefined);
    fake.fail('themuse', fault);
    const failure = await source.fetch(options).catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source.fetch(options)).postings).toHaveLength(1);
  });
});
