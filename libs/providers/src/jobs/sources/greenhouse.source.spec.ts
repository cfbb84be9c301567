import { JOB_SOURCE_FAULT_CASES, JobBoardsFake } from '@lib/testing';
import { GreenhouseSource } from './greenhouse.source';

const now = new Date('2026-12-02T12:00:00Z');
const options = { maxPostings: 100, now };

/** Greenhouse's `content=true` format: int ids, entity-escaped HTML, dates with offsets. */
const job = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  internal_job_id: id - 1000,
  title: 'Senior Site Reliability Engineer',
  updated_at: '2026-11-14T10:55:28-05:00',
  requisition_id: 'R-118',
  location: { name: 'Berlin, Germany' },
  absolute_url: `https://boards.greenhouse.io/acme/jobs/${id}?gh_src=linkedin`,
  metadata: null,
  content:
    '&lt;p&gt;Keep &lt;strong&gt;Acme&amp;amp;Co&lt;/strong&gt; up.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
  departments: [{ id: 1, name: 'Infrastructure', child_ids: [], parent_id: null }],
  offices: [{ id: 2, name: 'Berlin', location: 'Berlin, Germany' }],
  company_name: 'Acme &amp; Co',
  first_published: '2026-11-10T09:00:00-05:00',
  ...overrides,
});

describe('GreenhouseSource', () => {
  let fake: JobBoardsFake;
  let source: GreenhouseSource;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
    source = new GreenhouseSource(fake.url, 1000, ['acme']);
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.set('greenhouse', [job(127817), { id: 5, title: '' }], 'acme');
    fake.set(
      'greenhouse',
      [
        job(9, {
          title: 'Remote Data Engineer',
          location: { name: 'Remote - US' },
          company_name: undefined,
        }),
      ],
      'globex',
    );
  });

  it('unescapes then sanitizes the content, reads offset dates as UTC, prefixes ids with the board', async () => {
    const batch = await source.fetch(options);
    expect(batch).toMatchObject({ complete: true, skipped: 1 });
    const [p] = batch.postings;
    expect(p).toMatchObject({
      source: 'greenhouse',
      sourceJobId: 'acme:127817',
      url: 'https://boards.greenhouse.io/acme/jobs/127817',
      company: 'Acme & Co',
      country: 'DE',
      remote: false,
      tags: ['Infrastructure'],
      attribution: null,
    });
    expect(p.descriptionHtml).toBe('<p>Keep <strong>Acme&amp;Co</strong> up.</p>');
    expect(p.descriptionText).toBe('Keep Acme&Co up.');
    expect(p.postedAt.toISOString()).toBe('2026-11-10T14:00:00.000Z');
  });

  it('reads the boards given for the run (env list merged with the admin’s) and names the company after the board when the API does not', async () => {
    const batch = await source.fetch({ ...options, boards: ['acme', 'globex'] });
    const remote = batch.postings.find((p) => p.sourceJobId === 'globex:9')!;
    expect(remote).toMatchObject({
      company: 'globex',
      remote: true,
      workplaceType: 'remote',
      country: 'US',
    });
  });

  it('leaves a board that answers 404 out of the run and marks the run incomplete', async () => {
    const batch = await source.fetch({ ...options, boards: ['gone', 'acme'] });
    expect(batch.postings.map((p) => p.sourceJobId)).toEqual(['acme:127817']);
    expect(batch.complete).toBe(false);
    await expect(source.probe('gone')).rejects.toMatchObject({ status: 404 });
    await expect(source.probe('acme')).resolves.toBe(1);
  });

  it.each(JOB_SOURCE_FAULT_CASES)('survives $name, then reads again', async ({ fault, error }) => {
    fake.fail('greenhouse', fault);
    const failure = await source.fetch(options).catch((e: unknown) => e);
    expect(failure).toMatchObject({ ...error, message: expect.stringMatching(error.message) });
    expect((await source.fetch(options)).postings).toHaveLength(1);
  });
});
