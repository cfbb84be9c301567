import { createServer, type Server } from 'node:http';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import { PuppeteerPdfRenderer } from '@lib/providers';
import { closeNow, listenOnLoopback } from '@lib/testing';
import {
  CV_TEMPLATES,
  DEFAULT_CV_LAYOUT,
  PAGE_SIZES,
  type CvLayout,
  type ResumeDocument,
} from '../src/modules/cv/domain/resume';
import { CvRenderingService } from '../src/modules/cv/rendering/cv-rendering.service';
import { SAMPLE_CV } from '../src/modules/cv/rendering/sample-cv';

/** Real Debian Chromium through the pool driver; PDFs are read back with pdf-parse. */
const POOL_SIZE = 2;

interface ReadPdf {
  /** Whole text, whitespace collapsed. */
  text: string;
  /** As extracted, one line per line. */
  raw: string;
  pageTexts: string[];
  pages: Array<{ width: number; height: number }>;
  info: Record<string, unknown>;
}

async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const info = await parser.getInfo({ parsePageInfo: true });
    const text = await parser.getText();
    return {
      text: flat(text.text),
      raw: text.text,
      pageTexts: text.pages.map((page) => flat(page.text)),
      pages: info.pages.map(({ width, height }) => ({ width, height })),
      info: info.info as Record<string, unknown>,
    };
  } finally {
    await parser.destroy();
  }
}

/** PDF text comes back with line breaks where lines wrapped and compatibility forms for some scripts. */
function flat(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ');
}

/** Each part occurs after the previous one (case-insensitive: some templates set capitals). */
function expectInOrder(text: string, parts: string[]): void {
  const haystack = text.toLowerCase();
  let cursor = 0;
  for (const part of parts) {
    const needle = flat(part).toLowerCase();
    const at = haystack.indexOf(needle, cursor);
    if (at < 0) {
      throw new Error(
        `"${part}" not found after position ${cursor}` +
          (haystack.includes(needle) ? ' (it appears earlier: out of order)' : '') +
          `\n${text}`,
      );
    }
    cursor = at + needle.length;
  }
}

const POINTS = { A4: { width: 595.92, height: 841.92 }, Letter: { width: 612, height: 792 } };

const layout = (overrides: Partial<CvLayout> = {}): CvLayout => ({
  ...DEFAULT_CV_LAYOUT,
  ...overrides,
});

/** SAMPLE_CV's content in reading order (dates left out: one template puts them first). */
const SAMPLE_IN_ORDER = [
  'Jordan Rivera',
  'Senior Software Engineer',
  'jordan.rivera@example.com',
  'Backend engineer with nine years of experience',
  'Senior Software Engineer',
  'Northwind Logistics',
  'Owns the shipment tracking platform',
  'Redesigned the event pipeline on Kafka and PostgreSQL, reducing p99 latency by 60%',
  'Led a team of five engineers through a zero-downtime migration to Kubernetes',
  'Software Engineer',
  'Contoso Health',
  'Built the HIPAA-compliant patient messaging API in TypeScript and NestJS',
  'Introduced contract tests that caught 120 breaking changes before release',
  'University of Texas at Austin',
  'Kubernetes',
  'Terraform',
  'English',
  'Spanish',
  'queue-inspector',
  'Open-source dashboard for Bull queues.',
];

describe('CV rendering with Debian Chromium', () => {
  let renderer: PuppeteerPdfRenderer;
  let service: CvRenderingService;

  beforeAll(() => {
    renderer = new PuppeteerPdfRenderer({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      poolSize: POOL_SIZE,
      renderTimeoutMs: 20000,
      queueTimeoutMs: 30000,
      maxQueue: 100,
    });
    service = new CvRenderingService(renderer);
  });
  afterAll(() => renderer.close(), 60000);

  const cases = CV_TEMPLATES.flatMap((template) =>
    PAGE_SIZES.map((pageSize) => [template, pageSize] as const),
  );

  it.each(cases)(
    '%s on %s: a tagged PDF of that size whose text reads in order',
    async (template, pageSize) => {
      const pdf = await service.pdf(SAMPLE_CV, layout({ template, pageSize }));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot \d+ 0 R/);
      const read = await readPdf(pdf);
      expect(read.pages).toHaveLength(1);
      expect(read.pages[0].width).toBeCloseTo(POINTS[pageSize].width, 0);
      expect(read.pages[0].height).toBeCloseTo(POINTS[pageSize].height, 0);
      expect(read.info).toMatchObject({
        Title: 'Jordan Rivera – CV',
        Author: 'Jordan Rivera',
        Language: 'en',
      });
      expectInOrder(read.text, SAMPLE_IN_ORDER);
    },
  );

  it('breaks a long CV into real pages without splitting an entry', async () => {
    const work = Array.from({ length: 24 }, (_, i) => ({
      name: `Company ${i + 1}`,
      position: `Role number ${i + 1}`,
      startDate: `${2000 + i}-01`,
      endDate: `${2000 + i}-12`,
      highlights: [1, 2, 3, 4].map(
        (h) => `Achievement ${h} of role ${i + 1}, with measurable results`,
      ),
    }));
    const long: ResumeDocument = { basics: { name: 'Long Career' }, work };
    for (const template of ['modern', 'executive'] as const) {
      const read = await readPdf(await service.pdf(long, layout({ template })));
      expect(read.pages.length).toBeGreaterThanOrEqual(3);
      for (const page of read.pages) expect(page.height).toBeCloseTo(POINTS.A4.height, 0);
      expectInOrder(
        read.text,
        work.flatMap((w) => [w.position, w.highlights[3]]),
      );
      for (const w of work) {
        const pageOf = (text: string) => read.pageTexts.findIndex((page) => page.includes(text));
        // break-inside: avoid keeps a role's title and its last highlight on one page
        expect([template, w.position, pageOf(`${w.position} `)]).toEqual([
          template,
          w.position,
          pageOf(w.highlights[3]),
        ]);
      }
    }
  });

  it('renders Latin, Cyrillic, Greek, CJK, Arabic and Hebrew text with local fonts', async () => {
    const samples = {
      cyrillic: 'Анна Каренина',
      greek: 'Ελληνική γλώσσα',
      japanese: '日本語のテキスト',
      chinese: '软件工程师',
      korean: '소프트웨어 엔지니어',
      arabic: 'مهندس برمجيات',
      hebrew: 'מהנדסת תוכנה',
    };
    const doc: ResumeDocument = {
      basics: { name: samples.cyrillic, label: samples.greek, summary: samples.japanese },
      work: [
        { name: samples.chinese, position: samples.korean, highlights: [samples.arabic] },
        { name: 'Tel Aviv', position: samples.hebrew },
      ],
    };
    const pdf = await service.pdf(doc, layout());
    const { text } = await readPdf(pdf);
    for (const [script, sample] of Object.entries(samples)) {
      // Right-to-left runs come out of the text layer in visual order: words, or letters, reversed.
      const words = sample.split(' ');
      const found = words.every(
        (word) => text.includes(word) || text.includes([...word].reverse().join('')),
      );
      expect([script, found]).toEqual([script, true]);
    }
    const fonts = pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    const families = fonts.map((font) => font.split('+')[1]).join(' ');
    for (const family of ['NotoSans-', 'NotoSansArabic', 'NotoSansHebrew']) {
      expect(families).toContain(family);
    }
    // Skia embeds the CFF-based Noto CJK faces as Type 3 fonts (glyph outlines, no BaseFont).
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Type3/);
  });

  describe('untrusted content', () => {
    let server: Server;
    let origin: string;
    const received: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        received.push(req.url ?? '');
        res.end('x');
      });
      origin = await listenOnLoopback(server);
    });
    afterAll(() => closeNow(server));

    it('renders script tags, remote images and iframes as text, and nothing is fetched', async () => {
      const script = `<script>fetch('${origin}/script')</script>`;
      const img = `<img src=${origin}/img.png>`;
      const iframe = `<iframe src="${origin}/frame"></iframe>`;
      const before = renderer.stats().blockedRequests;
      const doc: ResumeDocument = {
        basics: {
          name: 'Mallory',
          image: `${origin}/photo.jpg`,
          url: `${origin}/home`,
          summary: `${script} ${img}`,
          profiles: [{ network: 'Web', url: `javascript:fetch('${origin}/js')` }],
        },
        work: [{ name: iframe, position: 'Tester', url: `${origin}/work`, highlights: [img] }],
      };
      for (const template of CV_TEMPLATES) {
        const { text } = await readPdf(await service.pdf(doc, layout({ template })));
        for (const markup of [script, img, iframe]) expect(text).toContain(flat(markup));
      }
      expect(renderer.stats().blockedRequests).toBe(before);
      expect(received).toEqual([]);
    });

    it('aborts every request that is not a data: URL, even from raw HTML', async () => {
      // A fresh pool: a reused page keeps the CSP of the CVs it rendered, which blocks these too.
      const raw = new PuppeteerPdfRenderer({
        executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
        poolSize: 1,
        renderTimeoutMs: 20000,
        queueTimeoutMs: 20000,
        maxQueue: 10,
      });
      try {
        const pixel =
          'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
        const remote = 'http://cv-assets.invalid';
        const html = `<!doctype html><html><head><title>raw</title>
          <link rel="stylesheet" href="${origin}/style.css">
          <link rel="stylesheet" href="${remote}/style.css">
          <style>body { background: url('${remote}/bg.png'); }</style>
          </head><body><img src="${origin}/img.png"><img src="${remote}/img.png"><img src="${pixel}">
          <iframe src="${remote}/frame"></iframe><script src="${remote}/app.js"></script>
          <p>still rendered</p></body></html>`;
        await raw.browser(); // launching Chromium is not what this measures
        const started = Date.now();
        const pdf = await raw.render(html, { format: 'A4', title: 'raw' });
        expect(Date.now() - started).toBeLessThan(5000); // nothing stalls the load event
        expect((await readPdf(pdf)).text).toContain('still rendered');
        expect(raw.stats().blockedRequests).toBeGreaterThanOrEqual(5);
        expect(received).toEqual([]);
      } finally {
        await raw.close();
      }
    });
  });

  it('runs 20 concurrent renders to completion without exceeding the pool size', async () => {
    const pdfs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        service.pdf(
          { ...SAMPLE_CV, basics: { ...SAMPLE_CV.basics, name: `Candidate ${i}` } },
          layout({ template: CV_TEMPLATES[i % CV_TEMPLATES.length] }),
        ),
      ),
    );
    const texts = await Promise.all(pdfs.map(async (pdf) => (await readPdf(pdf)).text));
    texts.forEach((text, i) => expect(text.toLowerCase()).toContain(`candidate ${i}`));
    const stats = renderer.stats();
    expect(stats.maxBusy).toBe(POOL_SIZE);
    expect(stats.busy).toBe(0);
    expect(stats.waiting).toBe(0);
    expect(stats.idle).toBeLessThanOrEqual(POOL_SIZE);
  });

  it('replaces a killed browser: renders in flight are retried and the next one succeeds', async () => {
    const restarts = renderer.stats().browserRestarts;
    const browser = await renderer.browser();
    const inFlight = Promise.all(
      [1, 2, 3].map(() => service.pdf(SAMPLE_CV, layout({ template: 'classic' }))),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    browser.process()!.kill('SIGKILL');
    const survivors = await inFlight;
    for (const pdf of survivors) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const next = await service.pdf(SAMPLE_CV, layout());
    expectInOrder((await readPdf(next)).text, SAMPLE_IN_ORDER);
    expect(browser.connected).toBe(false);
    expect(await renderer.browser()).not.toBe(browser);
    expect(renderer.stats().browserRestarts).toBe(restarts + 1);
  });

  it('gives up on a render that takes too long and refuses callers beyond the queue, both retryably', async () => {
    const strict = new PuppeteerPdfRenderer({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      poolSize: 1,
      renderTimeoutMs: 1000,
      queueTimeoutMs: 20000,
      maxQueue: 0,
    });
    try {
      await strict.render('<p>warm</p>', { format: 'A4', title: 'warm' }); // browser launched
      const huge = `<title>huge</title>${'<p>A very long document that takes a while to print.</p>'.repeat(40000)}`;
      const slow = strict.render(huge, { format: 'A4', title: 'huge' });
      const refused = strict.render('<p>x</p>', { format: 'A4', title: 'x' });
      await expect(refused).rejects.toMatchObject({ code: 'pool_busy', retryable: true });
      await expect(slow).rejects.toMatchObject({ code: 'timeout', retryable: true });
      const after = await strict.render('<p>next</p>', { format: 'A4', title: 'next' });
      expect((await readPdf(after)).text).toContain('next');
      expect(strict.stats()).toMatchObject({ failures: 1, busy: 0, maxBusy: 1 });
    } finally {
      await strict.close();
    }
  });

  it('takes template screenshots as PNGs of the requested size', async () => {
    const png = await service.previewPng('tech');
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 794, 1123]);
    expect(await service.previewPng('tech')).toBe(png); // kept in memory
  });

  it('ATS check on the real PDF text: recognised sections, contacts, order and keywords', async () => {
    const report = await service.atsCheck(
      SAMPLE_CV,
      layout({ template: 'creative' }),
      'Senior backend engineer: TypeScript, Node.js and PostgreSQL on Kubernetes. ' +
        'Experience with GraphQL and Elixir is a plus; Kubernetes in production required.',
    );
    expect(report.keywords.matched).toEqual(
      expect.arrayContaining(['typescript', 'node.js', 'postgresql', 'kubernetes', 'backend']),
    );
    expect(report.keywords.missing).toEqual(expect.arrayContaining(['graphql', 'elixir']));
    const failed = report.findings.filter((f) => !f.passed).map((f) => f.check);
    expect(failed.filter((check) => check !== 'keywords')).toEqual([]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ check: 'length', passed: true, detail: '1 page' }),
    );
    expect(report.score).toBeGreaterThan(80);

    // With the work section hidden, nothing expects it in the text.
    const hidden = await service.atsCheck(SAMPLE_CV, layout({ hiddenSections: ['work'] }));
    expect(hidden.findings.filter((f) => !f.passed).map((f) => f.check)).toEqual(['length']);
    expect(hidden.findings).toContainEqual(
      expect.objectContaining({
        check: 'reading_order',
        detail: 'No visible work entries to check',
      }),
    );
  });
});
