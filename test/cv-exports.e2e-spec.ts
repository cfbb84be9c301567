import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import { QUEUES } from '@lib/queue';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { PDFParse } from 'pdf-parse';
import { eventually, TestApp } from '@lib/testing';
import { PDF_RENDERER, PuppeteerPdfRenderer, STORAGE_PORT, type StoragePort } from '@lib/providers';
import { StoredFile } from '../src/modules/files';
import { CvRenderedFile, renderCvHtml, RequeueStalledExports } from '../src/modules/cv';
import { DEFAULT_CV_LAYOUT, type ResumeDocument } from '../src/modules/cv/domain/resume';
import { RunExportCommand } from '../src/modules/cv/commands/run-export/run-export.command';
import { CvExport } from '../src/modules/cv/entities/cv-export.entity';
import { createUser, signIn, type Session } from './support/accounts';
import { settled, uploaded } from './support/files';

const PASSWORD = 'exports-password-123';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const DOCUMENT: ResumeDocument = {
  basics: {
    name: 'Jordan Rivera',
    label: 'Backend engineer',
    email: 'jordan.rivera@example.com',
    phone: '+1 555 0100',
    summary: 'Builds reliable TypeScript services on PostgreSQL.',
  },
  work: [
    {
      name: 'Acme Corp',
      position: 'Senior Software Engineer',
      startDate: '2021-03',
      summary: 'Payments platform.',
      highlights: ['Cut p99 latency by 40% with PostgreSQL tuning', 'Led the NestJS migration'],
    },
    {
      name: 'Initech',
      position: 'Software Engineer',
      startDate: '2017-06',
      endDate: '2021-02',
      highlights: ['Built the reporting API in TypeScript'],
    },
  ],
  education: [{ institution: 'State University', area: 'Computer Science', studyType: 'BSc' }],
  skills: [{ name: 'Backend', keywords: ['TypeScript', 'PostgreSQL', 'Redis'] }],
};

interface ExportBody {
  id: string;
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  progress: number;
  fileName: string;
  downloadUrl?: string;
  size?: number;
  error?: string;
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('CV exports, previews, PDFs, ATS check, public CVs and import from a file', () => {
  let t: TestApp;
  let renderer: PuppeteerPdfRenderer;
  let pro: Session;
  let proId: string;
  let free: Session;
  let other: Session;

  const call = (
    session: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.inject({
      method,
      url,
      headers: { ...(session ? { authorization: session.authorization } : {}), ...headers },
      ...(payload ? { payload } : {}),
    });

  async function newCv(session: Session, document: ResumeDocument = DOCUMENT, layout = {}) {
    const response = await call(session, 'POST', '/v1/cvs', {
      title: 'Export me',
      document,
      layout,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  async function requestExport(session: Session, cvId: string, body: object) {
    const response = await call(session, 'POST', `/v1/cvs/${cvId}/exports`, body);
    expect(response.statusCode).toBe(202);
    return response.json<{ exportId: string; status: string }>();
  }

  const getExport = (session: Session, id: string) => call(session, 'GET', `/v1/cv-exports/${id}`);

  function finished(session: Session, id: string, timeoutMs = 60000): Promise<ExportBody> {
    return eventually(async () => {
      const body = (await getExport(session, id)).json<ExportBody>();
      return (body.status === 'ready' || body.status === 'failed') && body;
    }, timeoutMs);
  }

  async function download(url: string): Promise<Buffer> {
    const { pathname, search } = new URL(url);
    const response = await t.inject({ method: 'GET', url: `${pathname}${search}` });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  }

  beforeAll(async () => {
    t = await TestApp.create();
    renderer = t.get<PuppeteerPdfRenderer>(PDF_RENDERER);
    proId = await createUser(t, { email: 'pro@exports.test', password: PASSWORD, tier: 'premium' });
    pro = await signIn(t, 'pro@exports.test', PASSWORD);
    await createUser(t, { email: 'free@exports.test', password: PASSWORD });
    free = await signIn(t, 'free@exports.test', PASSWORD);
    await createUser(t, { email: 'other@exports.test', password: PASSWORD, tier: 'premium' });
    other = await signIn(t, 'other@exports.test', PASSWORD);
  }, 60000);
  afterAll(async () => {
    await t.close();
  });

  it('previews the CV as HTML under a strict CSP, user content escaped', async () => {
    const cvId = await newCv(pro, {
      ...DOCUMENT,
      basics: {
        ...DOCUMENT.basics,
        summary: '<script>alert(1)</script><img src="https://x.test/a.png">',
      },
    });
    const response = await call(
      pro,
      'GET',
      `/v1/cvs/${cvId}/preview?template=classic&pageSize=Letter`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toBe(CSP);
    expect(response.body).toContain('Jordan Rivera');
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).not.toMatch(/<img[^>]+https:/);

    expect((await call(other, 'GET', `/v1/cvs/${cvId}/preview`)).statusCode).toBe(404);
    expect((await call(pro, 'GET', `/v1/cvs/${cvId}/preview?template=fancy`)).statusCode).toBe(400);
  });

  it('refuses premium templates without the plan feature (403), for preview, PDF and exports', async () => {
    const cvId = await newCv(free);
    for (const [method, url, body] of [
      ['GET', `/v1/cvs/${cvId}/preview?template=executive`],
      ['GET', `/v1/cvs/${cvId}/pdf?template=tech`],
      ['POST', `/v1/cvs/${cvId}/exports`, { format: 'pdf', template: 'creative' }],
    ] as const) {
      const response = await call(free, method, url, body);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'plan.upgrade_required', requiredPlan: 'pro' });
    }
    expect((await call(free, 'GET', `/v1/cvs/${cvId}/pdf?template=minimal`)).statusCode).toBe(200);
  }, 60000);

  it('serves the PDF with an RFC 5987 file name, from the storage cache the second time', async () => {
    const cvId = await newCv(pro, { ...DOCUMENT, basics: { ...DOCUMENT.basics, name: 'Zoë Ærø' } });
    const first = await call(pro, 'GET', `/v1/cvs/${cvId}/pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="Zoe _r_ CV.pdf"; filename*=UTF-8''Zo%C3%AB%20%C3%86r%C3%B8%20CV.pdf`,
    );
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(first.rawPayload)).toContain('Acme Corp');

    const renders = renderer.stats().renders;
    const again = await call(pro, 'GET', `/v1/cvs/${cvId}/pdf`);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(renderer.stats().renders).toBe(renders);

    // Another page size is other content; `Cache-Control: no-cache` renders again.
    const letter = await call(pro, 'GET', `/v1/cvs/${cvId}/pdf?pageSize=Letter`);
    expect(letter.headers['x-cache']).toBe('miss');
    const fresh = await call(pro, 'GET', `/v1/cvs/${cvId}/pdf`, undefined, {
      'cache-control': 'no-cache',
    });
    expect(fresh.headers['x-cache']).toBe('miss');
    expect(renderer.stats().renders).toBe(renders + 2);

    // A change to the CV is new content.
    const patched = await call(
      pro,
      'PATCH',
      `/v1/cvs/${cvId}`,
      { layout: { theme: { accentColor: '#aa3300' } } },
      { 'content-type': 'application/merge-patch+json', 'if-match': '*' },
    );
    expect(patched.statusCode).toBe(200);
    expect((await call(pro, 'GET', `/v1/cvs/${cvId}/pdf`)).headers['x-cache']).toBe('miss');
    expect((await call(other, 'GET', `/v1/cvs/${cvId}/pdf`)).statusCode).toBe(404);
  }, 60000);

  it('runs 20 concurrent exports to ready without the page pool exceeding its bound', async () => {
    // Two CVs with different content: equal content would share one cached file.
    const cvIds = [
      await newCv(pro),
      await newCv(pro, { ...DOCUMENT, basics: { ...DOCUMENT.basics, label: 'Platform engineer' } }),
    ];
    const templates = ['modern', 'classic', 'minimal', 'creative', 'executive'] as const;
    const pageSizes = ['A4', 'Letter'] as const;
    const requests = cvIds.flatMap((cvId) =>
      templates.flatMap((template) => pageSizes.map((pageSize) => ({ cvId, template, pageSize }))),
    );
    expect(requests).toHaveLength(20);
    const before = renderer.stats();
    const accepted = await Promise.all(
      requests.map(({ cvId, ...options }) =>
        requestExport(pro, cvId, { format: 'pdf', ...options }),
      ),
    );
    const done = await Promise.all(accepted.map(({ exportId }) => finished(pro, exportId, 120000)));
    for (const body of done) {
      expect(body).toMatchObject({
        status: 'ready',
        progress: 100,
        fileName: 'Jordan Rivera CV.pdf',
      });
      expect(body.downloadUrl).toBeDefined();
    }
    const stats = renderer.stats();
    expect(stats.renders - before.renders).toBeGreaterThanOrEqual(20);
    expect(stats.maxBusy).toBeLessThanOrEqual(stats.size);
    const pdf = await download(done[7].downloadUrl!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(done[7].size);

    // The same export again is ready at once, from the cache: nothing is rendered.
    const renders = renderer.stats().renders;
    const repeated = await requestExport(pro, cvIds[0], {
      format: 'pdf',
      template: 'classic',
      pageSize: 'Letter',
    });
    expect(repeated.status).toBe('ready');
    expect(renderer.stats().renders).toBe(renders);

    const analytics = await t
      .get(EntityManager)
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from analytics_events where name = 'cv_downloaded' and properties->>'cvId' = ?`,
        [cvIds[0]],
      );
    expect(Number(analytics[0].n)).toBe(11);
  }, 180000);

  it('exports DOCX, HTML and JSON Resume too; other users get 404 for exports and CVs', async () => {
    const cvId = await newCv(pro);
    const formats = ['docx', 'html', 'json-resume'] as const;
    const done = await Promise.all(
      formats.map(async (format) =>
        finished(pro, (await requestExport(pro, cvId, { format })).exportId),
      ),
    );
    expect(done.map((d) => d.fileName)).toEqual([
      'Jordan Rivera CV.docx',
      'Jordan Rivera CV.html',
      'Jordan Rivera CV.json',
    ]);
    const [docx, html, json] = await Promise.all(done.map((d) => download(d.downloadUrl!)));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(html.toString()).toContain('Jordan Rivera');
    expect(JSON.parse(json.toString())).toEqual(DOCUMENT);

    expect((await getExport(other, done[0].id)).statusCode).toBe(404);
    expect((await getExport(other, done[0].id)).json().code).toBe('cv_export.not_found');
    expect(
      (await call(other, 'POST', `/v1/cvs/${cvId}/exports`, { format: 'pdf' })).statusCode,
    ).toBe(404);
    expect((await call(pro, 'POST', `/v1/cvs/${cvId}/exports`, { format: 'png' })).statusCode).toBe(
      400,
    );
  }, 60000);

  it('deleting a CV deletes its exports and its rendered files, not what a duplicate shares', async () => {
    const cvId = await newCv(pro, { ...DOCUMENT, meta: { version: 'deleted-cv-test' } });
    const [pdf, docx] = await Promise.all(
      (['pdf', 'docx'] as const).map(async (format) =>
        finished(pro, (await requestExport(pro, cvId, { format })).exportId),
      ),
    );
    const twin = await call(pro, 'POST', `/v1/cvs/${cvId}/duplicate`);
    const twinId = twin.json<{ id: string }>().id;
    // Same content, same format: the duplicate's PDF is the very same stored object.
    const twinPdf = await finished(
      pro,
      (await requestExport(pro, twinId, { format: 'pdf' })).exportId,
    );
    expect([pdf.status, docx.status, twinPdf.status]).toEqual(['ready', 'ready', 'ready']);
    expect(new URL(twinPdf.downloadUrl!).pathname).toBe(new URL(pdf.downloadUrl!).pathname);

    expect((await call(pro, 'DELETE', `/v1/cvs/${cvId}`)).statusCode).toBe(204);
    await eventually(async () => (await getExport(pro, docx.id)).statusCode === 404);
    expect((await getExport(pro, pdf.id)).statusCode).toBe(404);
    const { pathname, search } = new URL(docx.downloadUrl!);
    expect((await t.inject({ method: 'GET', url: `${pathname}${search}` })).statusCode).toBe(404);
    expect((await download(twinPdf.downloadUrl!)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60000);

  it('sweeps exports whose job was lost: they are enqueued again and complete', async () => {
    const cvId = await newCv(pro, { ...DOCUMENT, meta: { version: 'lost-job-test' } });
    const { exportId } = await requestExport(pro, cvId, { format: 'html' });
    await finished(pro, exportId);
    // As if Redis lost the job before it ran: queued for a long time, no job in Bull.
    const em = t.get(EntityManager).fork();
    await em.nativeUpdate(
      CvExport,
      { id: exportId },
      { status: 'queued', storageKey: null, createdAt: new Date(Date.now() - 3_600_000) },
    );
    const queue = t.get<Queue>(getQueueToken(QUEUES.cvExports));
    await (await queue.getJob(exportId))?.remove();

    const sweep = t.get(RequeueStalledExports);
    expect(await sweep.run()).toMatchObject({ enqueued: 1 });
    expect((await finished(pro, exportId)).status).toBe('ready');
    expect(await sweep.run()).toEqual({ retried: 0, enqueued: 0 });
  }, 60000);

  it('replaces a killed browser: the export still completes', async () => {
    const cvId = await newCv(pro, {
      ...DOCUMENT,
      basics: { ...DOCUMENT.basics, name: 'Killed Browser' },
    });
    const restarts = renderer.stats().browserRestarts;
    const browser = await renderer.browser();
    browser.process()!.kill('SIGKILL');
    const { exportId } = await requestExport(pro, cvId, { format: 'pdf', template: 'tech' });
    const done = await finished(pro, exportId);
    expect(done.status).toBe('ready');
    expect(await pdfText(await download(done.downloadUrl!))).toContain('Killed Browser');
    expect(renderer.stats().browserRestarts).toBe(restarts + 1);
  }, 60000);

  it('renders the version the export was requested for, even after the CV changed', async () => {
    const cvId = await newCv(pro, { basics: { name: 'Version One' } });
    const patched = await call(
      pro,
      'PATCH',
      `/v1/cvs/${cvId}`,
      { document: { basics: { name: 'Version Two' } } },
      { 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
    );
    expect(patched.json()).toMatchObject({ version: 2 });
    // An export of version 1 that the queue reaches only now.
    const queued = Object.assign(new CvExport(), {
      cvId,
      ownerId: proId,
      cvVersion: 1,
      format: 'pdf',
      template: 'modern',
      pageSize: 'A4',
      contentHash: 'queued-before-the-change',
    });
    await t.get(EntityManager).fork().persistAndFlush(queued);
    await t.get(CommandBus).execute(new RunExportCommand(queued.id, true));
    const done = (await getExport(pro, queued.id)).json<ExportBody>();
    expect(done).toMatchObject({ status: 'ready', cvVersion: 1 });
    const text = await pdfText(await download(done.downloadUrl!));
    expect(text).toContain('Version One');
    expect(text).not.toContain('Version Two');
  }, 60000);

  it('checks a CV like an ATS: matched and missing keywords of a job description', async () => {
    const cvId = await newCv(pro);
    const response = await call(pro, 'POST', `/v1/cvs/${cvId}/ats-check`, {
      jobDescription: 'Backend engineer: TypeScript, PostgreSQL and Kubernetes; Redis a plus.',
    });
    expect(response.statusCode).toBe(200);
    // Its own limit (each check renders and parses a PDF), counted per user.
    expect(response.headers['ratelimit-limit']).toBe('60');
    expect(response.headers['ratelimit-remaining']).toBe('59');
    const report = response.json<{
      score: number;
      findings: { check: string; passed: boolean }[];
      keywords: { matched: string[]; missing: string[] };
    }>();
    expect(report.score).toBeGreaterThan(0);
    expect(report.score).toBeLessThanOrEqual(100);
    expect(report.keywords.matched).toEqual(expect.arrayContaining(['typescript', 'postgresql']));
    expect(report.keywords.missing).toContain('kubernetes');
    expect(report.findings.find((f) => f.check === 'contact')?.passed).toBe(true);
    expect((await call(other, 'POST', `/v1/cvs/${cvId}/ats-check`, {})).statusCode).toBe(404);
  }, 60000);

  describe('shared CVs', () => {
    async function shared(settings: object) {
      const cvId = await newCv(pro);
      const response = await call(pro, 'POST', `/v1/cvs/${cvId}/share`, settings);
      expect(response.statusCode).toBe(200);
      return { cvId, slug: response.json<{ slug: string }>().slug };
    }
    const visit = (slug: string, format?: string, headers: Record<string, string> = {}) =>
      t.inject({
        method: 'GET',
        url: `/v1/public/cvs/${slug}${format ? `?format=${format}` : ''}`,
        remoteAddress: '203.0.113.9',
        headers: { 'user-agent': 'Visitor', ...headers },
      });

    it('serves HTML (default) under a strict CSP and the PDF from the cache, counting downloads', async () => {
      const { cvId, slug } = await shared({ visibility: 'public' });
      const html = await visit(slug);
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-security-policy']).toBe(CSP);
      expect(html.body).toContain('Jordan Rivera');
      const pdf = await visit(slug, 'pdf');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-disposition']).toMatch(/^inline; /);
      expect(await pdfText(pdf.rawPayload)).toContain('Acme Corp');
      const renders = renderer.stats().renders;
      expect((await visit(slug, 'pdf')).headers['x-cache']).toBe('hit');
      expect(renderer.stats().renders).toBe(renders);
      // The owner's own PDF of the same content is the same cached object.
      expect((await call(pro, 'GET', `/v1/cvs/${cvId}/pdf`)).headers['x-cache']).toBe('hit');
      expect((await visit(slug, 'json')).json().document.basics.name).toBe('Jordan Rivera');

      const stats = (await call(pro, 'GET', `/v1/cvs/${cvId}/stats`)).json();
      expect(stats).toMatchObject({ views: 1, downloads: 1 });
    }, 60000);

    it('keeps password and expiry rules for HTML and PDF', async () => {
      const locked = await shared({ visibility: 'password', password: 'blue-harbour-42' });
      expect((await visit(locked.slug, 'pdf')).statusCode).toBe(401);
      expect(
        (await visit(locked.slug, 'html', { 'x-share-password': 'wrong-one-42' })).statusCode,
      ).toBe(403);
      const opened = await visit(locked.slug, 'pdf', { 'x-share-password': 'blue-harbour-42' });
      expect(opened.statusCode).toBe(200);

      const expiring = await shared({
        visibility: 'public',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      });
      await t
        .get(EntityManager)
        .fork()
        .execute(`update cv_shares set expires_at = now() - interval '1 minute' where slug = ?`, [
          expiring.slug,
        ]);
      for (const format of ['html', 'pdf']) {
        const gone = await visit(expiring.slug, format);
        expect(gone.statusCode).toBe(410);
        expect(gone.json().code).toBe('cv_share.expired');
      }
    }, 60000);
  });

  describe('import from an uploaded file', () => {
    it('parses a PDF cv-file into a draft CV (name, email, work)', async () => {
      const pdf = await renderer.render(
        renderCvHtml(DOCUMENT, { ...DEFAULT_CV_LAYOUT, template: 'classic' }),
        {
          format: 'A4',
          title: 'Jordan Rivera – CV',
        },
      );
      const file = await uploaded(t, pro.authorization, 'cv-file', {
        filename: 'jordan-rivera-2026.pdf',
        content: pdf,
      });
      expect((await settled(t, pro.authorization, file.id, 60000)).status).toBe('ready');

      expect(
        (await call(other, 'POST', '/v1/cvs/import/file', { fileId: file.id })).statusCode,
      ).toBe(404);
      const response = await call(pro, 'POST', '/v1/cvs/import/file', { fileId: file.id });
      expect(response.statusCode).toBe(201);
      const cv = response.json<{
        id: string;
        title: string;
        provider: string;
        version: number;
        document: ResumeDocument;
      }>();
      expect(cv).toMatchObject({ title: 'jordan-rivera-2026', provider: 'local', version: 1 });
      expect(cv.document.basics).toMatchObject({
        name: 'Jordan Rivera',
        email: 'jordan.rivera@example.com',
      });
      // The local rule-based parser; an AI provider does better on multi-column layouts.
      expect(cv.document.work?.[0]).toMatchObject({
        name: 'Acme Corp',
        position: 'Senior Software Engineer',
      });
      expect((await call(pro, 'GET', `/v1/cvs/${cv.id}`)).statusCode).toBe(200);
    }, 90000);

    it('answers 409 for a file still being scanned, 422 for a rejected one, 404 for unknown', async () => {
      const em = t.get(EntityManager).fork();
      const file = (status: 'pending' | 'rejected') => {
        const stored = StoredFile.upload({
          userId: proId,
          kind: 'cv-file',
          fileName: 'original.pdf',
          originalName: 'cv.pdf',
          mimeType: 'application/pdf',
          size: 10,
          bucket: 'cv-files',
          isPublic: false,
          checksum: '0'.repeat(64),
        });
        stored.status = status;
        return stored;
      };
      const pending = file('pending');
      const rejected = file('rejected');
      // Persisted without the unit of work: no upload event, so nothing processes them.
      await em.persistAndFlush([pending, rejected]);
      const notReady = await call(pro, 'POST', '/v1/cvs/import/file', { fileId: pending.id });
      expect(notReady.statusCode).toBe(409);
      expect(notReady.json().code).toBe('files.not_ready');
      const refused = await call(pro, 'POST', '/v1/cvs/import/file', { fileId: rejected.id });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('files.rejected');
      const unknown = await call(pro, 'POST', '/v1/cvs/import/file', {
        fileId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  it('erases exports and their stored files with the account', async () => {
    await createUser(t, { email: 'leaver@exports.test', password: PASSWORD, tier: 'pro' });
    const leaver = await signIn(t, 'leaver@exports.test', PASSWORD);
    const cvId = await newCv(leaver);
    const done = await finished(
      leaver,
      (await requestExport(leaver, cvId, { format: 'pdf' })).exportId,
    );
    expect(done.status).toBe('ready');
    const em = t.get(EntityManager).fork();
    const files = await em.find(CvRenderedFile, { cvId });
    expect(files).toHaveLength(1);
    const storage = t.get<StoragePort>(STORAGE_PORT);
    expect(await storage.exists('cv-files', files[0].storageKey)).toBe(true);

    const deleted = await call(leaver, 'DELETE', '/v1/me', { password: PASSWORD });
    expect(deleted.statusCode).toBe(204);
    // The erasure runs in jobs after the request: stored objects go first, then their rows.
    await eventually(async () => !(await storage.exists('cv-files', files[0].storageKey)));
    await eventually(async () => (await em.fork().count(CvRenderedFile, { cvId })) === 0);
    await eventually(async () => {
      const [{ n }] = await em
        .fork()
        .execute<{ n: string }[]>(`select count(*) as n from cv_exports where cv_id = ?`, [cvId]);
      return Number(n) === 0;
    });
  }, 60000);
});
