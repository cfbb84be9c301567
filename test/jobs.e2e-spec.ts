import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, TestApp } from '@lib/testing';
import { createUser, signIn, type Session } from './support/accounts';

interface SourceHealth {
  name: string;
  status: string;
  reason: string | null;
  runs: number;
  failures: number;
  errorRate: number;
  lastSuccessAt: string | null;
  postingsAdded: number;
  lastRun: { added: number; merged: number; updated: number; skipped: number; expired: number };
}

interface JobSummary {
  id: string;
  title: string;
  company: string;
  employmentType: string | null;
  seniority: string | null;
  remote: boolean;
  salary: { annual: number | null; currency: string | null } | null;
  postedAt: string;
  sources: Array<{ source: string; url: string }>;
  highlights: { title: string; description: string } | null;
  saved?: boolean;
}

interface SearchPage {
  items: JobSummary[];
  nextCursor: string | null;
  total: { value: number; capped: boolean; label: string };
  facets: Record<string, Array<{ value: string; count: number; label: string }>> | null;
  sort: string;
}

const SAMPLE_COUNT = 400;

describe('jobs: sample source, ingestion, search', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.create({
      env: {
        JOB_SAMPLE_COUNT: String(SAMPLE_COUNT),
        JOB_SAMPLE_SEED: '7',
        JOB_FACET_SAMPLE: '300',
      },
    });
    admin = await t.adminAuthorization();
  });
  afterAll(() => t.close());

  const health = async (name: string) => {
    const response = await t.inject({
      method: 'GET',
      url: '/v1/admin/jobs/sources',
      headers: { authorization: admin },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: SourceHealth[] }>().items.find((s) => s.name === name)!;
  };

  const runSource = async (name: string) => {
    const before = (await health(name)).runs;
    const response = await t.inject({
      method: 'POST',
      url: `/v1/admin/jobs/sources/${name}/run`,
      headers: { authorization: admin },
    });
    expect(response.statusCode).toBe(202);
    return eventually(async () => {
      const h = await health(name);
      return h.runs > before ? h : undefined;
    }, 60_000);
  };

  const search = async (query: string) => {
    const response = await t.inject({ method: 'GET', url: `/v1/jobs${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<SearchPage>();
  };

  it('lists every source with its status, closed APIs with the reason', async () => {
    const response = await t.inject({ method: 'GET', url: '/v1/jobs/sources' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{
      items: Array<{ name: string; status: string; reason: string | null }>;
    }>().items;
    const byName = Object.fromEntries(items.map((s) => [s.name, s]));
    expect(byName.sample.status).toBe('active');
    expect(byName.adzuna).toMatchObject({
      status: 'not_configured',
      reason: expect.stringContaining('ADZUNA_APP_ID'),
    });
    // Company boards need no credentials (admins add boards): runnable once named in JOB_SOURCES.
    expect(byName.greenhouse.status).toBe('available');
    expect(items.filter((s) => s.status === 'not_implemented')).toEqual([]);
    for (const closed of ['indeed', 'linkedin', 'glassdoor', 'angellist', 'github']) {
      expect(byName[closed]).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
    }
    expect(byName.remoteok.status).toBe('available');
  });

  it('refuses to run a source that is not active here', async () => {
    const adzuna = await t.inject({
      method: 'POST',
      url: '/v1/admin/jobs/sources/adzuna/run',
      headers: { authorization: admin },
    });
    expect(adzuna.statusCode).toBe(409);
    expect(adzuna.json<{ code: string }>().code).toBe('job.source_not_active');
    const unknown = await t.inject({
      method: 'POST',
      url: '/v1/admin/jobs/sources/nope/run',
      headers: { authorization: admin },
    });
    expect(unknown.statusCode).toBe(404);
    const anonymous = await t.inject({ method: 'POST', url: '/v1/admin/jobs/sources/sample/run' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('ingests the sample source and reports its health', async () => {
    const empty = await search('');
    expect(empty.items).toEqual([]);
    const h = await runSource('sample');
    expect(h.lastSuccessAt).not.toBeNull();
    expect(h.failures).toBe(0);
    expect(h.lastRun.added).toBe(SAMPLE_COUNT);
    expect(h.postingsAdded).toBe(SAMPLE_COUNT);
  });

  it('a second run of the same seed adds nothing: the postings are deterministic', async () => {
    const h = await runSource('sample');
    expect(h.lastRun).toMatchObject({ added: 0, merged: 0, updated: SAMPLE_COUNT, expired: 0 });
    expect(h.postingsAdded).toBe(SAMPLE_COUNT);
    expect(h.errorRate).toBe(0);
  });

  it('searches full text with highlights, capped counts and facets', async () => {
    const page = await search('?q=engineer&limit=5');
    expect(page.sort).toBe('relevance');
    expect(page.items).toHaveLength(5);
    for (const job of page.items) {
      expect(job.highlights?.title).toMatch(/<mark>Engineer<\/mark>/);
      expect(job.sources).toEqual([expect.objectContaining({ source: 'sample' })]);
    }
    expect(page.total.value).toBeGreaterThan(5);
    expect(page.total.capped).toBe(false);
    // With facets the total comes from the facet sample; without, from its own count: the same.
    const bare = await search('?q=engineer&limit=5&facets=false');
    expect(bare.total).toEqual(page.total);
    expect(bare.items.map((j) => j.id)).toEqual(page.items.map((j) => j.id));
    const types = page.facets!.employmentType;
    expect(types.length).toBeGreaterThan(0);
    const fullTime = types.find((f) => f.value === 'full_time')!;
    const filtered = await search('?q=engineer&employmentType=full_time&limit=50');
    expect(filtered.total.value).toBe(fullTime.count);
    expect(filtered.items.every((j) => j.employmentType === 'full_time')).toBe(true);
    // The facet of the applied filter still counts the other values.
    expect(filtered.facets!.employmentType.length).toBe(types.length);
    expect(types.every((f) => f.label === String(f.count))).toBe(true);
    // Past the facet sample (300 newest matches here) counts are lower bounds, labelled so.
    const everything = await search('?limit=1');
    const counted = everything.facets!.employmentType;
    expect(counted.reduce((sum, f) => sum + f.count, 0)).toBe(300);
    expect(counted.every((f) => f.label === `${f.count}+`)).toBe(true);
  });

  it('web-search syntax: phrases and exclusions, never an error on odd input', async () => {
    const excluded = await search(`?q=${encodeURIComponent('engineer -backend')}&limit=50`);
    expect(excluded.items.length).toBeGreaterThan(0);
    expect(excluded.items.some((j) => /backend/i.test(j.title))).toBe(false);
    const odd = await search(`?q=${encodeURIComponent('"unterminated & | ! ( :*')}`);
    expect(Array.isArray(odd.items)).toBe(true);
  });

  it('pages newest first with a keyset cursor, without overlaps', async () => {
    const first = await search('?sort=newest&limit=10&facets=false');
    expect(first.facets).toBeNull();
    expect(first.nextCursor).not.toBeNull();
    const second = await search(`?sort=newest&limit=10&facets=false&cursor=${first.nextCursor}`);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((j) => j.id)).size).toBe(20);
    const dates = all.map((j) => j.postedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('pages by relevance without overlaps', async () => {
    const first = await search('?q=python&limit=5&facets=false');
    const second = await search(`?q=python&limit=5&facets=false&cursor=${first.nextCursor}`);
    expect(second.items.length).toBeGreaterThan(0);
    const ids = [...first.items, ...second.items].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by annualized salary and sorts by it', async () => {
    const page = await search(
      '?salaryMin=80000&salaryCurrency=EUR&sort=salary&limit=20&facets=false',
    );
    expect(page.items.length).toBeGreaterThan(0);
    const annual = page.items.map((j) => j.salary!.annual!);
    expect(annual.every((a) => a >= 80000)).toBe(true);
    expect(page.items.every((j) => j.salary!.currency === 'EUR')).toBe(true);
    expect([...annual].sort((a, b) => b - a)).toEqual(annual);
  });

  it('filters remote, seniority, company, location and source', async () => {
    const remote = await search('?remote=true&seniority=senior&limit=50&facets=false');
    expect(remote.items.every((j) => j.remote && j.seniority === 'senior')).toBe(true);
    const company = await search(
      `?company=${encodeURIComponent('acme analytics inc.')}&limit=50&facets=false`,
    );
    expect(company.items.length).toBeGreaterThan(0);
    expect(company.items.every((j) => j.company === 'Acme Analytics')).toBe(true);
    const none = await search('?source=remotive&facets=false');
    expect(none.items).toEqual([]);
    const germany = await search('?location=DE&limit=50&facets=false');
    expect(germany.items.length).toBeGreaterThan(0);
  });

  it('answers one job with its source links, and 404 for an unknown one', async () => {
    const [job] = (await search('?limit=1&facets=false')).items;
    const response = await t.inject({ method: 'GET', url: `/v1/jobs/${job.id}` });
    expect(response.statusCode).toBe(200);
    const detail = response.json<{
      descriptionHtml: string;
      descriptionText: string;
      status: string;
      sources: unknown[];
    }>();
    expect(detail.status).toBe('active');
    expect(detail.descriptionHtml).toMatch(/^<p>/);
    expect(detail.descriptionText).not.toMatch(/</);
    expect(detail.sources).toHaveLength(1);
    const missing = await t.inject({
      method: 'GET',
      url: '/v1/jobs/01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('job.not_found');
  });

  it('public answers carry Cache-Control and an ETag (304 when unchanged)', async () => {
    const first = await t.inject({ method: 'GET', url: '/v1/jobs?q=designer' });
    expect(first.headers['cache-control']).toBe('public, max-age=1800');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    const again = await t.inject({
      method: 'GET',
      url: '/v1/jobs?q=designer',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('records job_search_performed for first pages, cache hits included', async () => {
    // Counted by a filter only this test uses: other tests' searches are recorded asynchronously.
    const count = async () => {
      const [row] = await t
        .get(EntityManager)
        .fork()
        .execute<Array<{ n: string }>>(
          `select count(*)::text as n from analytics_events where name = 'job_search_performed' and properties->'filters'->>'location' = 'Remote'`,
        );
      return Number(row.n);
    };
    const first = await search('?location=Remote&limit=2');
    expect(first.nextCursor).not.toBeNull();
    await search('?location=Remote&limit=2'); // served from the cache
    await search(`?location=Remote&limit=2&cursor=${first.nextCursor}`);
    await eventually(async () => (await count()) === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await count()).toBe(2); // the cursor page is not another search
  });

  it('rejects a tampered cursor and bad filters with 400', async () => {
    const cursor = await t.inject({ method: 'GET', url: '/v1/jobs?sort=newest&cursor=bm9wZQ' });
    expect(cursor.statusCode).toBe(400);
    const filter = await t.inject({ method: 'GET', url: '/v1/jobs?employmentType=forever' });
    expect(filter.statusCode).toBe(400);
  });

  describe('saved jobs', () => {
    const PASSWORD = 'correct-horse-battery';
    let ann: Session;
    let bob: Session;
    let annId: string;
    let ids: string[];

    beforeAll(async () => {
      annId = await createUser(t, { email: 'ann@example.test', password: PASSWORD });
      await createUser(t, { email: 'bob@example.test', password: PASSWORD });
      ann = await signIn(t, 'ann@example.test', PASSWORD);
      bob = await signIn(t, 'bob@example.test', PASSWORD);
      const first = await search('?sort=newest&limit=50&facets=false');
      const second = await search(`?sort=newest&limit=50&facets=false&cursor=${first.nextCursor}`);
      ids = [...first.items, ...second.items].map((j) => j.id);
      ids = [...new Set(ids)];
    });

    const as = (who: Session, method: 'GET' | 'POST' | 'DELETE', url: string) =>
      t.inject({ method, url, headers: { authorization: who.authorization } });

    it('saves (idempotently), lists and removes; private to the saver', async () => {
      const saved = await as(ann, 'POST', `/v1/jobs/${ids[0]}/save`);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ jobId: ids[0], status: 'active' });
      expect((await as(ann, 'POST', `/v1/jobs/${ids[0]}/save`)).statusCode).toBe(200);
      expect((await as(ann, 'POST', `/v1/jobs/${ids[1]}/save`)).statusCode).toBe(200);
      const list = (await as(ann, 'GET', '/v1/me/saved-jobs')).json<{
        items: Array<{ jobId: string }>;
      }>();
      expect(list.items.map((s) => s.jobId)).toEqual([ids[1], ids[0]]);
      expect(
        (await as(bob, 'GET', '/v1/me/saved-jobs')).json<{ items: unknown[] }>().items,
      ).toEqual([]);
      const others = await as(bob, 'DELETE', `/v1/jobs/${ids[0]}/save`);
      expect(others.statusCode).toBe(404);
      expect((await as(ann, 'DELETE', `/v1/jobs/${ids[1]}/save`)).statusCode).toBe(204);
      expect(
        (await as(ann, 'GET', '/v1/me/saved-jobs')).json<{ items: unknown[] }>().items,
      ).toHaveLength(1);
      expect(
        (await as(ann, 'POST', '/v1/jobs/01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f/save')).statusCode,
      ).toBe(404);
      expect((await t.inject({ method: 'POST', url: `/v1/jobs/${ids[0]}/save` })).statusCode).toBe(
        401,
      );
      const [row] = await t
        .get(EntityManager)
        .fork()
        .execute<Array<{ n: string }>>(
          `select count(*)::text as n from analytics_events where name = 'job_saved' and user_id = ?`,
          [annId],
        );
      expect(row.n).toBe('2');
    });

    it('tells signed-in callers which jobs they saved, without leaking it through the cache', async () => {
      const url = '/v1/jobs?sort=newest&limit=50&facets=false';
      const saved = (page: { items: Array<{ id: string; saved?: boolean }> }) =>
        page.items.filter((j) => j.saved).map((j) => j.id);
      // Anonymous first, so the shared cache holds the page before anyone signed in asks.
      const anonymous = await t.inject({ method: 'GET', url });
      expect(anonymous.headers['cache-control']).toBe('public, max-age=1800');
      expect(String(anonymous.headers.vary)).toContain('Authorization');
      expect(anonymous.json<SearchPage>().items.some((j) => 'saved' in j)).toBe(false);

      const mine = await as(ann, 'GET', url);
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['cache-control']).toBe('private, no-cache');
      expect(String(mine.headers.vary)).toContain('Authorization');
      const page = mine.json<SearchPage>();
      expect(page.items.every((j) => typeof j.saved === 'boolean')).toBe(true);
      expect(saved(page)).toEqual([ids[0]]);
      const bobs = (await as(bob, 'GET', url)).json<SearchPage>();
      expect(saved(bobs)).toEqual([]);
      expect(bobs.items.map((j) => j.id)).toEqual(page.items.map((j) => j.id));
      expect((await t.inject({ method: 'GET', url })).headers.etag).toBe(anonymous.headers.etag);

      const again = await t.inject({
        method: 'GET',
        url,
        headers: { authorization: ann.authorization, 'if-none-match': String(mine.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(mine.headers.etag).not.toBe(anonymous.headers.etag);

      const one = await as(ann, 'GET', `/v1/jobs/${ids[0]}`);
      expect(one.json<{ saved: boolean }>().saved).toBe(true);
      expect((await as(bob, 'GET', `/v1/jobs/${ids[0]}`)).json<{ saved: boolean }>().saved).toBe(
        false,
      );
      const anyone = await t.inject({ method: 'GET', url: `/v1/jobs/${ids[0]}` });
      expect(anyone.json<object>()).not.toHaveProperty('saved');

      const forged = await t.inject({
        method: 'GET',
        url,
        headers: { authorization: 'Bearer not-a-token' },
      });
      expect(forged.statusCode).toBe(401);
    });

    it('a free plan saves at most 50 jobs (403 plan.quota_exceeded with the plan that allows more)', async () => {
      expect(ids.length).toBeGreaterThan(51);
      for (const id of ids.slice(0, 50))
        expect((await as(bob, 'POST', `/v1/jobs/${id}/save`)).statusCode).toBe(200);
      const over = await as(bob, 'POST', `/v1/jobs/${ids[50]}/save`);
      expect(over.statusCode).toBe(403);
      expect(over.json()).toMatchObject({
        code: 'plan.quota_exceeded',
        quota: 'savedJobs',
        limit: 50,
        requiredPlan: 'pro',
      });
    });

    it('an erased account takes its saved jobs with it', async () => {
      const response = await t.inject({
        method: 'DELETE',
        url: '/v1/me',
        headers: { authorization: ann.authorization },
        payload: { password: PASSWORD },
      });
      expect(response.statusCode).toBe(204);
      await eventually(async () => {
        const [row] = await t
          .get(EntityManager)
          .fork()
          .execute<Array<{ n: string }>>(
            'select count(*)::text as n from saved_jobs where user_id = ?',
            [annId],
          );
        return row.n === '0';
      });
    });
  });

  describe('applications', () => {
    const PASSWORD = 'correct-horse-battery';
    let cat: Session;
    let dan: Session;
    let catId: string;
    let jobIds: string[];
    let cvId: string;

    beforeAll(async () => {
      catId = await createUser(t, { email: 'cat@example.test', password: PASSWORD });
      await createUser(t, { email: 'dan@example.test', password: PASSWORD });
      cat = await signIn(t, 'cat@example.test', PASSWORD);
      dan = await signIn(t, 'dan@example.test', PASSWORD);
      jobIds = (await search('?sort=newest&limit=30&facets=false')).items.map((j) => j.id);
      const cv = await t.inject({
        method: 'POST',
        url: '/v1/cvs',
        headers: { authorization: cat.authorization },
        payload: { title: 'Cat', document: { basics: { name: 'Cat Lovelace' } } },
      });
      expect(cv.statusCode).toBe(201);
      cvId = cv.json<{ id: string }>().id;
    });

    const as = (
      who: Session,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) =>
      t.inject({
        method,
        url,
        headers: { authorization: who.authorization },
        ...(payload ? { payload } : {}),
      });

    const analytics = async (name: string) => {
      const [row] = await t
        .get(EntityManager)
        .fork()
        .execute<Array<{ n: string }>>(
          'select count(*)::text as n from analytics_events where name = ? and user_id = ?',
          [name, catId],
        );
      return Number(row.n);
    };

    it('tracks an application with the CV version sent, moves it through statuses, private to its owner', async () => {
      const created = await as(cat, 'POST', '/v1/me/applications', {
        jobId: jobIds[0],
        cvId,
        notes: 'Referred by Sam.',
      });
      expect(created.statusCode).toBe(201);
      const application = created.json<{
        id: string;
        status: string;
        cvVersion: number;
        appliedAt: string | null;
        job: { id: string };
      }>();
      expect(application).toMatchObject({
        status: 'interested',
        cvVersion: 1,
        appliedAt: null,
        job: { id: jobIds[0] },
      });
      expect(await analytics('job_application_started')).toBe(1);
      expect(await analytics('job_application_completed')).toBe(0);

      const again = await as(cat, 'POST', '/v1/me/applications', { jobId: jobIds[0] });
      expect(again.statusCode).toBe(409);

      const applied = await as(cat, 'PATCH', `/v1/me/applications/${application.id}`, {
        status: 'applied',
      });
      expect(applied.statusCode).toBe(200);
      expect(applied.json<{ status: string; appliedAt: string | null }>()).toMatchObject({
        status: 'applied',
        appliedAt: expect.any(String),
      });
      await eventually(async () => (await analytics('job_application_completed')) === 1);

      expect(
        (await as(dan, 'PATCH', `/v1/me/applications/${application.id}`, { status: 'rejected' }))
          .statusCode,
      ).toBe(404);
      expect((await as(dan, 'DELETE', `/v1/me/applications/${application.id}`)).statusCode).toBe(
        404,
      );
      expect(
        (await as(dan, 'GET', '/v1/me/applications')).json<{ items: unknown[] }>().items,
      ).toEqual([]);
      const letter = await as(dan, 'POST', '/v1/me/applications', {
        jobId: jobIds[1],
        coverLetterId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
      });
      expect(letter.statusCode).toBe(404);
      expect(letter.json<{ code: string }>().code).toBe('job.cover_letter_not_found');
      // Dan cannot attach Cat's CV.
      expect(
        (await as(dan, 'POST', '/v1/me/applications', { jobId: jobIds[1], cvId })).statusCode,
      ).toBe(404);

      const list = (await as(cat, 'GET', '/v1/me/applications')).json<{
        items: Array<{ id: string; notes: string }>;
      }>();
      expect(list.items).toEqual([
        expect.objectContaining({ id: application.id, notes: 'Referred by Sam.' }),
      ]);
      expect((await as(cat, 'DELETE', `/v1/me/applications/${application.id}`)).statusCode).toBe(
        204,
      );
      expect(
        (await as(cat, 'GET', '/v1/me/applications')).json<{ items: unknown[] }>().items,
      ).toEqual([]);
    });

    it('a free plan tracks at most 25 applications', async () => {
      for (const id of jobIds.slice(0, 25)) {
        expect(
          (await as(dan, 'POST', '/v1/me/applications', { jobId: id, status: 'applied' }))
            .statusCode,
        ).toBe(201);
      }
      const over = await as(dan, 'POST', '/v1/me/applications', { jobId: jobIds[25] });
      expect(over.statusCode).toBe(403);
      expect(over.json()).toMatchObject({
        code: 'plan.quota_exceeded',
        quota: 'jobApplications',
        limit: 25,
      });
    });

    it('an erased account takes its applications with it', async () => {
      expect((await as(cat, 'POST', '/v1/me/applications', { jobId: jobIds[2] })).statusCode).toBe(
        201,
      );
      const response = await t.inject({
        method: 'DELETE',
        url: '/v1/me',
        headers: { authorization: cat.authorization },
        payload: { password: PASSWORD },
      });
      expect(response.statusCode).toBe(204);
      await eventually(async () => {
        const [row] = await t
          .get(EntityManager)
          .fork()
          .execute<Array<{ n: string }>>(
            'select count(*)::text as n from job_applications where user_id = ?',
            [catId],
          );
        return row.n === '0';
      });
    });
  });
});
