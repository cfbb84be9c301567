import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';
import { eventually, JobBoardsFake, TestApp } from '@lib/testing';

interface SourceHealth {
  name: string;
  status: string;
  runs: number;
  lastError: string | null;
  lastSuccessAt: string | null;
  pausedUntil: string | null;
  lastRun: { added: number; merged: number; updated: number; skipped: number; expired: number };
}

interface Board {
  source: string;
  token: string;
  origin: string;
  sourceActive: boolean;
  postingsAtProbe: number | null;
}

interface JobItem {
  id: string;
  title: string;
  company: string;
  status: string;
  sources: Array<{ source: string; attribution: string | null; attributionUrl: string | null }>;
}

const published = new Date(Date.now() - 3 * 86_400_000).toISOString();

const greenhouseJob = (id: number, title: string, company: string) => ({
  id,
  internal_job_id: id + 1,
  title,
  updated_at: published,
  requisition_id: null,
  location: { name: 'Remote' },
  absolute_url: `https://boards.greenhouse.io/${company.toLowerCase()}/jobs/${id}`,
  metadata: null,
  content: `&lt;p&gt;${title} at ${company}: build the ledger services that settle merchant payouts.&lt;/p&gt;`,
  departments: [],
  offices: [],
  company_name: company,
});

describe('jobs: company boards (admin-managed), the new sources, Retry-After', () => {
  let t: TestApp;
  let fake: JobBoardsFake;
  let admin: string;

  beforeAll(async () => {
    fake = await JobBoardsFake.start();
    fake.set('greenhouse', [greenhouseJob(4001, 'Ledger Engineer', 'Acmepay')], 'acmepay');
    t = await TestApp.create({
      env: {
        JOB_SOURCES: 'greenhouse,lever,himalayas,adzuna',
        GREENHOUSE_BASE_URL: fake.url,
        LEVER_BASE_URL: fake.url,
        HIMALAYAS_BASE_URL: fake.url,
        ADZUNA_BASE_URL: fake.url,
        ADZUNA_APP_ID: 'app-id',
        ADZUNA_APP_KEY: 'app-key',
        GREENHOUSE_BOARDS: 'acmepay',
        JOB_SOURCE_TIMEOUT_MS: '2000',
        JOB_INGEST_ATTEMPTS: '3',
      },
    });
    admin = await t.adminAuthorization();
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.inject({ method, url, payload, headers: { authorization: admin } });
  const health = async (name: string) =>
    (await api('GET', '/v1/admin/jobs/sources'))
      .json<{ items: SourceHealth[] }>()
      .items.find((s) => s.name === name)!;
  const runOnce = async (name: string) => {
    const before = await health(name);
    const response = await api('POST', `/v1/admin/jobs/sources/${name}/run`);
    expect(response.statusCode).toBe(202);
    const { runId } = response.json<{ runId: string }>();
    const after = await eventually(async () => {
      const current = await health(name);
      return current.runs > before.runs ? current : undefined;
    }, 30_000);
    const queue = t.get<Queue>(getQueueToken(QUEUES.scheduled));
    await eventually(async () => {
      const job = await queue.getJob(runId);
      return !job || (await job.isCompleted()) || (await job.isFailed());
    }, 30_000);
    return { health: after, runId };
  };
  const search = async (query: string) =>
    (await t.inject({ method: 'GET', url: `/v1/jobs${query}` })).json<{ items: JobItem[] }>().items;
  const job = async (id: string) =>
    (await t.inject({ method: 'GET', url: `/v1/jobs/${id}` })).json<JobItem>();

  it('lists the new sources as real: active when named, not_configured without credentials, none not_implemented', async () => {
    const items = (await api('GET', '/v1/admin/jobs/sources')).json<{ items: SourceHealth[] }>()
      .items;
    const status = Object.fromEntries(items.map((s) => [s.name, s.status]));
    expect(status).toMatchObject({
      greenhouse: 'active',
      lever: 'active',
      himalayas: 'active',
      adzuna: 'active',
      usajobs: 'not_configured',
      themuse: 'available',
      ashby: 'available',
    });
    expect(items.filter((s) => s.status === 'not_implemented')).toEqual([]);
    const usajobs = await api('POST', '/v1/admin/jobs/sources/usajobs/run');
    expect(usajobs.statusCode).toBe(409);
    expect(fake.requests.some((r) => r.board === 'usajobs')).toBe(false);
  });

  it('an admin follows a board after one probe: 404 from the board is 422, duplicates 409, bad tokens 400', async () => {
    const missing = await api('POST', '/v1/admin/jobs/boards', {
      source: 'greenhouse',
      token: 'globex',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'job.board_not_found' });

    fake.set('greenhouse', [greenhouseJob(5001, 'Payments Analyst', 'Globex')], 'globex');
    const added = await api('POST', '/v1/admin/jobs/boards', {
      source: 'greenhouse',
      token: 'globex',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      source: 'greenhouse',
      token: 'globex',
      origin: 'admin',
      sourceActive: true,
      postingsAtProbe: 1,
    });
    expect(
      fake.requests.filter((r) => r.board === 'greenhouse' && r.key === 'globex'),
    ).toHaveLength(2);

    for (const token of ['globex', 'acmepay']) {
      const again = await api('POST', '/v1/admin/jobs/boards', { source: 'greenhouse', token });
      expect(again.statusCode).toBe(409);
    }
    const bad = await api('POST', '/v1/admin/jobs/boards', { source: 'greenhouse', token: '../x' });
    expect(bad.statusCode).toBe(400);
    const unknown = await api('POST', '/v1/admin/jobs/boards', { source: 'indeed', token: 'x' });
    expect(unknown.statusCode).toBe(400);

    const boards = (await api('GET', '/v1/admin/jobs/boards')).json<{ items: Board[] }>().items;
    expect(boards.map((b) => [b.source, b.token, b.origin])).toEqual([
      ['greenhouse', 'acmepay', 'env'],
      ['greenhouse', 'globex', 'admin'],
    ]);
  });

  it('the source’s run reads the env boards and the admin’s; an unfollowed board’s postings expire', async () => {
    const first = await runOnce('greenhouse');
    expect(first.health.lastRun).toMatchObject({ added: 2, skipped: 0 });
    const globex = (await search('?source=greenhouse&company=Globex&facets=false'))[0];
    expect(globex).toMatchObject({ title: 'Payments Analyst', company: 'Globex' });

    const removed = await api('DELETE', '/v1/admin/jobs/boards/greenhouse/globex');
    expect(removed.statusCode).toBe(204);
    expect((await api('DELETE', '/v1/admin/jobs/boards/greenhouse/globex')).statusCode).toBe(404);
    expect((await api('DELETE', '/v1/admin/jobs/boards/greenhouse/acmepay')).statusCode).toBe(404);

    const second = await runOnce('greenhouse');
    expect(second.health.lastRun.expired).toBe(1);
    expect((await job(globex.id)).status).toBe('expired');
  });

  it('Himalayas and Adzuna postings carry the attribution their terms require', async () => {
    fake.set('himalayas', [
      {
        guid: 'https://himalayas.app/companies/hooli/jobs/platform-engineer',
        title: 'Platform Engineer',
        excerpt: 'Run our Kubernetes fleet.',
        companyName: 'Hooli',
        employmentType: 'Full Time',
        minSalary: 140000,
        maxSalary: 160000,
        currency: 'USD',
        seniority: ['Mid-level'],
        locationRestrictions: ['Canada'],
        categories: ['DevOps'],
        description: '<p>Run our Kubernetes fleet across three regions.</p>',
        pubDate: Date.now() - 86_400_000,
        expiryDate: Date.now() + 30 * 86_400_000,
        applicationLink: 'https://hooli.example.com/apply/7',
      },
    ]);
    fake.set(
      'adzuna',
      [
        {
          id: '4011122233',
          title: 'Warehouse Supervisor',
          description: 'Lead a team of twelve on the night shift&hellip;',
          created: published,
          redirect_url: 'https://www.adzuna.co.uk/jobs/land/ad/4011122233?se=x&utm_medium=api',
          company: { display_name: 'Initrode Logistics' },
          location: { display_name: 'Leeds, West Yorkshire', area: ['UK', 'Yorkshire', 'Leeds'] },
          category: { label: 'Logistics & Warehouse Jobs', tag: 'logistics-warehouse-jobs' },
          salary_min: 31000,
          salary_max: 31000,
          salary_is_predicted: '1',
          contract_time: 'full_time',
        },
      ],
      'gb',
    );
    expect((await runOnce('himalayas')).health.lastRun.added).toBe(1);
    expect((await runOnce('adzuna')).health.lastRun.added).toBe(1);
    const [platform] = await search('?source=himalayas&facets=false');
    expect((await job(platform.id)).sources).toEqual([
      expect.objectContaining({
        source: 'himalayas',
        attribution: 'Himalayas',
        attributionUrl: 'https://himalayas.app/companies/hooli/jobs/platform-engineer',
      }),
    ]);
    const [warehouse] = await search('?source=adzuna&facets=false');
    expect((await job(warehouse.id)).sources[0]).toMatchObject({
      source: 'adzuna',
      attribution: 'Jobs by Adzuna',
    });
  });

  it('a 429 with Retry-After pauses the source (shown in its health) and delays its next run by that long', async () => {
    fake.fail('himalayas', { kind: 'status', status: 429, retryAfter: 600 });
    const { health: paused, runId } = await runOnce('himalayas');
    expect(paused.lastError).toMatch(/429/);
    const until = new Date(paused.pausedUntil!).getTime();
    expect(until).toBeGreaterThan(Date.now() + 500_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 600_000);

    const queue = t.get<Queue>(getQueueToken(QUEUES.scheduled));
    const retry = await queue.getJob(`${runId}:retry-after:2`);
    expect(retry && (await retry.isDelayed())).toBe(true);
    expect(retry!.opts.delay).toBe(600_000);
    expect(retry!.opts.attempts).toBe(2);
    await retry!.remove();

    const again = await api('POST', '/v1/admin/jobs/sources/himalayas/run');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'job.source_paused' });
    expect(fake.requests.filter((r) => r.board === 'himalayas')).toHaveLength(2);
  });
});
