import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';
import { eventually, JobBoardsFake, TestApp } from '@lib/testing';

interface SourceHealth {
  name: string;
  runs: number;
  failures: number;
  errorRate: number;
  lastError: string | null;
  lastSuccessAt: string | null;
  lastRun: { added: number; merged: number; updated: number; skipped: number; expired: number };
}

interface Job {
  id: string;
  title: string;
  company: string;
  location: string | null;
  remote: boolean;
  status: string;
  employmentType: string | null;
  salary: {
    min: number | null;
    max: number | null;
    currency: string | null;
    interval: string;
    annual: number | null;
  } | null;
  postedAt: string;
  descriptionHtml: string;
  descriptionText: string;
  sources: Array<{
    source: string;
    url: string;
    applyUrl: string | null;
    attribution: string | null;
    attributionUrl: string | null;
  }>;
}

const DAY = 86_400;
const base = Math.floor(Date.now() / 1000) - 30 * DAY;
const DESCRIPTION = `<p>CI&amp;T is hiring a <strong>Senior Backend Engineer</strong> to design and build the services behind our payments platform.</p>
<ul><li>Work with TypeScript, PostgreSQL and Kafka in a small team</li><li>Own features from design to production and review code</li>
<li>Mentor colleagues and help us scale to millions of users across Europe and North America</li></ul>
<script>alert('x')</script><p onclick="steal()">Apply with your CV and a short note about a system you are proud of.</p>`;
const FRONTEND = `<p>CI&amp;T is hiring a Frontend Engineer to craft accessible React interfaces for our merchant dashboard, working closely with designers on a component library.</p>`;

function remoteOkItem(id: string, epoch: number, overrides: Record<string, unknown> = {}) {
  return {
    slug: `remote-senior-backend-engineer-ci-t-${id}`,
    id,
    epoch,
    date: new Date(epoch * 1000).toISOString().replace('.000Z', '+00:00'),
    company: 'CI&amp;T',
    company_logo: 'https://remoteok.com/assets/logo.png',
    position: 'Senior Backend Engineer',
    tags: ['backend', 'typescript'],
    logo: '',
    description: DESCRIPTION,
    location: '',
    salary_min: 120000,
    salary_max: 150000,
    apply_url: `https://ciandt.example.com/careers/42?utm_source=remoteok&id=${id}`,
    url: `https://remoteok.com/remote-jobs/remote-senior-backend-engineer-ci-t-${id}?ref=feed`,
    ...overrides,
  };
}

describe('jobs: source adapters against their fakes, dedup and expiry', () => {
  let t: TestApp;
  let fake: JobBoardsFake;
  let admin: string;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
    t = await TestApp.create({
      env: {
        JOB_SOURCES: 'remoteok,remotive,arbeitnow',
        REMOTEOK_BASE_URL: fake.url,
        REMOTIVE_BASE_URL: fake.url,
        ARBEITNOW_BASE_URL: fake.url,
        JOB_SOURCE_TIMEOUT_MS: '1000', // below the fake's 1,500 ms hang; room for a loaded machine
        JOB_INGEST_ATTEMPTS: '3',
      },
    });
    admin = await t.adminAuthorization();
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const health = async (name: string) => {
    const response = await t.inject({
      method: 'GET',
      url: '/v1/admin/jobs/sources',
      headers: { authorization: admin },
    });
    return response.json<{ items: SourceHealth[] }>().items.find((s) => s.name === name)!;
  };

  /** Triggers a run and waits until `done` holds for the source's health. */
  const run = async (name: string, done: (h: SourceHealth) => boolean) => {
    const response = await t.inject({
      method: 'POST',
      url: `/v1/admin/jobs/sources/${name}/run`,
      headers: { authorization: admin },
    });
    expect(response.statusCode).toBe(202);
    const { runId } = response.json<{ runId: string }>();
    const h = await eventually(async () => {
      const current = await health(name);
      return done(current) ? current : undefined;
    }, 30_000);
    // The run's job ends after its post-commit handlers (the cache drop) have run.
    const queue = t.get<Queue>(getQueueToken(QUEUES.scheduled));
    await eventually(async () => {
      const ingest = await queue.getJob(runId);
      return !ingest || (await ingest.isCompleted()) || (await ingest.isFailed());
    }, 30_000);
    return h;
  };
  const runOnce = async (name: string) => {
    const before = await health(name);
    return run(name, (h) => h.lastSuccessAt !== before.lastSuccessAt || h.runs > before.runs);
  };

  const search = async (query: string) => {
    const response = await t.inject({ method: 'GET', url: `/v1/jobs${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Job[] }>().items;
  };
  const job = async (id: string) =>
    (await t.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json<Job>();

  let mergedId: string;

  it('RemoteOK: skips the legal element, decodes names, keeps string ids, reads epoch seconds', async () => {
    fake.set('remoteok', [
      remoteOkItem('1059244', base),
      remoteOkItem('1059245', base + DAY, {
        position: 'Frontend Engineer',
        slug: 'frontend',
        description: FRONTEND,
        salary_min: 0,
        salary_max: 0,
        apply_url: 'https://ciandt.example.com/careers/43',
        url: 'https://remoteok.com/remote-jobs/frontend-1059245',
      }),
      { id: 'broken', position: '' },
    ]);
    const h = await runOnce('remoteok');
    expect(h.lastRun).toMatchObject({ added: 2, skipped: 1 });
    const items = await search('?source=remoteok&sort=newest&facets=false');
    expect(items.map((j) => j.title).sort()).toEqual([
      'Frontend Engineer',
      'Senior Backend Engineer',
    ]);
    const backend = await job(items.find((j) => j.title === 'Senior Backend Engineer')!.id);
    mergedId = backend.id;
    expect(backend.company).toBe('CI&T');
    expect(backend.remote).toBe(true);
    expect(backend.postedAt).toBe(new Date(base * 1000).toISOString());
    expect(backend.salary).toMatchObject({
      min: 120000,
      max: 150000,
      currency: 'USD',
      interval: 'year',
      annual: 135000,
    });
    expect(backend.descriptionHtml).not.toMatch(/script|onclick|alert/);
    expect(backend.descriptionHtml).toContain('<strong>Senior Backend Engineer</strong>');
    expect(backend.descriptionText).toContain('CI&T is hiring');
    expect(backend.sources).toEqual([
      expect.objectContaining({
        source: 'remoteok',
        url: 'https://remoteok.com/remote-jobs/remote-senior-backend-engineer-ci-t-1059244',
        attribution: 'Remote OK',
      }),
    ]);
    const frontend = items.find((j) => j.title === 'Frontend Engineer')!;
    expect(frontend.salary).toBeNull();
  });

  it('the same job from Remotive and Arbeitnow joins it: one job, three source links; a different job at the company stays apart', async () => {
    fake.set('remotive', [
      {
        id: 1998877,
        url: 'https://remotive.com/remote-jobs/software-dev/senior-backend-engineer-1998877',
        title: 'Senior Backend Engineer',
        company_name: 'CI&T',
        company_logo: 'https://remotive.com/job/1998877/logo',
        category: 'Software Development',
        tags: ['typescript'],
        job_type: 'full_time',
        publication_date: new Date((base + 2 * DAY) * 1000).toISOString().slice(0, 19), // naive: UTC
        candidate_required_location: 'Worldwide',
        salary: '$120,000 - $150,000',
        description: DESCRIPTION,
      },
    ]);
    fake.set('arbeitnow', [
      {
        slug: 'senior-backend-engineer-m-w-d-ci-t-123',
        company_name: 'CI&T GmbH',
        title: 'Senior Backend Engineer (m/w/d)',
        description: DESCRIPTION,
        remote: true,
        url: 'https://www.arbeitnow.com/jobs/companies/ci-t/senior-backend-engineer-123',
        tags: ['backend'],
        job_types: ['full time'],
        location: 'Berlin',
        created_at: base + 3 * DAY,
      },
      {
        slug: 'accountant-delta-1',
        company_name: 'Delta Freight',
        title: 'Accountant',
        description: '<p>Month-end close, IFRS, DATEV.</p>',
        remote: false,
        url: 'https://www.arbeitnow.com/jobs/companies/delta/accountant-1',
        tags: [],
        job_types: ['part time'],
        location: 'Poznań',
        created_at: base + 4 * DAY,
      },
      {
        slug: 'office-manager-delta-2',
        company_name: 'Delta Freight',
        title: 'Office Manager',
        description: '<p>Keep our Hamburg office running.</p>',
        remote: false,
        url: 'https://www.arbeitnow.com/jobs/companies/delta/office-manager-2',
        tags: [],
        job_types: [],
        location: 'Hamburg',
        created_at: base + 5 * DAY,
      },
    ]);
    const remotive = await runOnce('remotive');
    expect(remotive.lastRun).toMatchObject({ added: 0, merged: 1 });
    const arbeitnow = await runOnce('arbeitnow');
    expect(arbeitnow.lastRun).toMatchObject({ added: 2, merged: 1 });
    expect(fake.requests.filter((r) => r.board === 'arbeitnow').length).toBeGreaterThanOrEqual(2); // followed links.next

    const merged = await job(mergedId);
    expect(merged.sources.map((s) => s.source).sort()).toEqual([
      'arbeitnow',
      'remoteok',
      'remotive',
    ]);
    const remotiveLink = merged.sources.find((s) => s.source === 'remotive')!;
    expect(remotiveLink.attribution).toBe('Remotive');
    expect(merged.postedAt).toBe(new Date(base * 1000).toISOString());

    const ciandt = await search(`?company=${encodeURIComponent('CI&T')}&facets=false`);
    expect(ciandt.map((j) => j.title).sort()).toEqual([
      'Frontend Engineer',
      'Senior Backend Engineer',
    ]);
    const accountant = (await search('?q=accountant&facets=false'))[0];
    expect(accountant).toMatchObject({
      employmentType: 'part_time',
      location: 'Poznań',
      remote: false,
    });
  });

  it('a repost 10 days later under a new id is merged into the same job', async () => {
    fake.set('remoteok', [
      remoteOkItem('1070001', base + 10 * DAY),
      remoteOkItem('1059245', base + DAY, {
        position: 'Frontend Engineer',
        slug: 'frontend',
        description: FRONTEND,
        apply_url: 'https://ciandt.example.com/careers/43',
        url: 'https://remoteok.com/remote-jobs/frontend-1059245',
      }),
    ]);
    const h = await runOnce('remoteok');
    expect(h.lastRun).toMatchObject({ added: 0, merged: 1, updated: 1 });
    // Stored answers are dropped right after the run commits (a post-commit handler).
    const repost = 'https://remoteok.com/remote-jobs/remote-senior-backend-engineer-ci-t-1070001';
    const merged = await eventually(async () => {
      const found = await job(mergedId);
      return found.sources.some((s) => s.url === repost) && found;
    });
    const remoteOkLinks = merged.sources.filter((s) => s.source === 'remoteok');
    // The old listing is gone from the complete RemoteOK list; the repost took its place.
    expect(remoteOkLinks.map((s) => s.url)).toEqual([repost]);
    expect(merged.sources).toHaveLength(3);
  });

  it('survives 429 and 5xx (retried with backoff) and records them in the source health', async () => {
    const runsRecorded = async () =>
      t
        .get(EntityManager)
        .fork()
        .execute<{ name: string; fetched: string | null }[]>(
          `select name, properties->>'fetched' as fetched from analytics_events
           where name like 'job_ingestion_%' and properties->>'source' = 'remotive' order by id`,
        );
    const recordedBefore = (await runsRecorded()).length;
    const before = await health('remotive');
    fake.fail(
      'remotive',
      { kind: 'status', status: 429, retryAfter: 1 },
      { kind: 'status', status: 503 },
    );
    const h = await run('remotive', (x) => x.lastSuccessAt !== before.lastSuccessAt);
    expect(h.failures).toBe(before.failures + 2);
    expect(h.lastError).toMatch(/503/);
    expect(h.errorRate).toBeGreaterThan(0);
    // Each attempt is an analytics event for the dashboard's ingestion health.
    const recorded = (await runsRecorded()).slice(recordedBefore);
    expect(recorded.map((r) => r.name)).toEqual([
      'job_ingestion_failed',
      'job_ingestion_failed',
      'job_ingestion_succeeded',
    ]);
    expect(Number(recorded[2].fetched)).toBeGreaterThan(0);
  });

  it('survives a timeout (retried) and a malformed body (recorded, not retried)', async () => {
    const before = await health('arbeitnow');
    fake.fail('arbeitnow', { kind: 'hang', ms: 1500 });
    const afterTimeout = await run('arbeitnow', (x) => x.lastSuccessAt !== before.lastSuccessAt);
    expect(afterTimeout.failures).toBe(before.failures + 1);
    expect(afterTimeout.lastError).toMatch(/timed out/);

    fake.fail('remotive', { kind: 'malformed' });
    const beforeMalformed = await health('remotive');
    const malformed = await run('remotive', (x) => x.runs > beforeMalformed.runs);
    expect(malformed.lastError).toMatch(/not JSON/);
    // Not retried: a second attempt would have succeeded (no fault left) and moved lastSuccessAt.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await health('remotive')).lastSuccessAt).toBe(beforeMalformed.lastSuccessAt);
  });

  it('expired postings drop out of search; the job stays readable with status expired', async () => {
    fake.set('remoteok', []);
    fake.set('remotive', []);
    fake.set('arbeitnow', []);
    await runOnce('remoteok');
    expect((await job(mergedId)).status).toBe('active'); // still listed by two sources
    await runOnce('remotive');
    const h = await runOnce('arbeitnow');
    expect(h.lastRun.expired).toBeGreaterThanOrEqual(1);
    const gone = await job(mergedId);
    expect(gone.status).toBe('expired');
    expect(await search('?q=backend&facets=false')).toEqual([]);
  });
});
