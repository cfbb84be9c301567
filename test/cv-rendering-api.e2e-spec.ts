import sharp from 'sharp';
import { PDF_RENDERER, type PdfRenderer, type PuppeteerPdfRenderer } from '@lib/providers';
import { TestApp } from '@lib/testing';

describe('CV templates API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api', env: { PDF_POOL_SIZE: '1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists six templates with tier, page sizes and a preview URL, without signing in', async () => {
    const response = await t.inject({ method: 'GET', url: '/v1/cv-templates' });
    expect(response.statusCode).toBe(200);
    const templates = response.json<Array<Record<string, unknown>>>();
    expect(templates.map((x) => [x.name, x.tier])).toEqual([
      ['modern', 'basic'],
      ['classic', 'basic'],
      ['creative', 'premium'],
      ['executive', 'premium'],
      ['minimal', 'basic'],
      ['tech', 'premium'],
    ]);
    for (const template of templates) {
      expect(template.pageSizes).toEqual(['A4', 'Letter']);
      expect(template.previewUrl).toBe(`/v1/cv-templates/${String(template.name)}/preview.png`);
      expect(typeof template.description).toBe('string');
    }
  });

  it('serves a PNG preview of the sample CV, rendered once and then from memory', async () => {
    const renderer = t.get<PdfRenderer>(PDF_RENDERER);
    const first = await t.inject({ method: 'GET', url: '/v1/cv-templates/executive/preview.png' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['cache-control']).toBe('public, max-age=86400');
    const meta = await sharp(first.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 794, 1123]);
    const renders = renderer.stats().renders;
    const again = await t.inject({ method: 'GET', url: '/v1/cv-templates/executive/preview.png' });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(renderer.stats().renders).toBe(renders);
    expect(renderer.stats().size).toBe(1); // PDF_POOL_SIZE
  });

  it('reports the page pool on /metrics', async () => {
    const response = await t.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('pdf_renderer_pages{state="size"} 1');
    expect(response.body).toMatch(/pdf_renderer_pages\{state="max_busy"\} 1/);
    expect(response.body).toMatch(/pdf_renderer_events\{event="renders"\} [1-9]/);
    expect(response.body).toContain('pdf_renderer_events{event="blocked_requests"} 0');
  });

  it('answers 404 for an unknown template', async () => {
    const response = await t.inject({ method: 'GET', url: '/v1/cv-templates/fancy/preview.png' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'cv.template_not_found' });
  });

  it('closes the browser when the app shuts down', async () => {
    const renderer = t.get<PuppeteerPdfRenderer>(PDF_RENDERER);
    const browser = await renderer.browser();
    const chromium = browser.process()!;
    await t.stop();
    expect(browser.connected).toBe(false);
    expect(chromium.exitCode !== null || chromium.signalCode !== null).toBe(true);
    await expect(renderer.render('<p>x</p>', { format: 'A4', title: 'x' })).rejects.toMatchObject({
      code: 'closed',
    });
  });
});
