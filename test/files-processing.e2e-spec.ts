import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import puppeteer from 'puppeteer-core';
import sharp from 'sharp';
import { TestApp } from '@lib/testing';
import { createUser, signIn, type Session } from './support/accounts';
import { readContent, settled, uploaded, type FileBody } from './support/files';

const PASSWORD = 'files-password-123';

async function cvPdf(): Promise<Buffer> {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<h1>Grace Hopper</h1><p>Rear admiral and compiler pioneer.</p>' +
        '<div style="page-break-before:always"><h2>Experience</h2><p>COBOL</p></div>' +
        '<div style="page-break-before:always"><h2>References</h2></div>',
    );
    return Buffer.from(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

function cvDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Ada Lovelace', bold: true })] }),
          new Paragraph('First programmer of the Analytical Engine.'),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph('Notes on the Menabrea memoir.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A 2-second 640×360 test pattern with a tone, made by the same Debian ffmpeg. */
function testVideo(format: 'mp4' | 'avi'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'video-fixture-'));
  try {
    const out = join(dir, `clip.${format}`);
    execFileSync('/usr/bin/ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25:duration=2'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...(format === 'avi' ? ['-c:v', 'mpeg4', '-c:a', 'mp3'] : ['-c:v', 'libx264', '-c:a', 'aac']),
      ...['-metadata', 'location=+48.8584+002.2945/', out],
    ]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Files: CV documents, logos and videos', () => {
  let t: TestApp;
  let grace: Session;

  beforeAll(async () => {
    t = await TestApp.create();
    await createUser(t, { email: 'grace@files.test', password: PASSWORD, tier: 'pro' });
    grace = await signIn(t, 'grace@files.test', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  async function expectPreview(id: string, pageWidth = 800) {
    const preview = await readContent(t, grace.authorization, id, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.contentType).toBe('image/png');
    const meta = await sharp(preview.body).metadata();
    expect(meta).toMatchObject({ format: 'png', width: pageWidth });
    expect(meta.height).toBeGreaterThan(pageWidth); // a portrait page
  }

  it('reads a PDF CV: page count, text and a first-page preview', async () => {
    const created = await uploaded(t, grace.authorization, 'cv-file', {
      filename: 'grace.pdf',
      content: await cvPdf(),
    });
    const file = await settled(t, grace.authorization, created.id, 60000);
    expect(file.status).toBe('ready');
    expect(file.metadata.pageCount).toBe(3);
    expect(file.metadata.text).toEqual(expect.stringContaining('Grace Hopper'));
    expect(file.metadata.text).toEqual(expect.stringContaining('COBOL'));
    expect(file.variants.preview).toMatchObject({ mimeType: 'image/png', width: 800 });
    await expectPreview(created.id);
    const list = await t.inject({
      method: 'GET',
      url: '/v1/files?kind=cv-file',
      headers: { authorization: grace.authorization },
    });
    const listed = list.json<{ items: FileBody[] }>().items.find((f) => f.id === created.id);
    expect(listed?.metadata).toEqual({ pageCount: 3, textTruncated: false });
    const original = await readContent(t, grace.authorization, created.id);
    expect(original.body.subarray(0, 5).toString()).toBe('%PDF-');
  }, 90000);

  it('reads a DOCX CV the same way (rendered to pages in chromium)', async () => {
    const created = await uploaded(t, grace.authorization, 'cv-file', {
      filename: 'ada.docx',
      content: await cvDocx(),
    });
    const file = await settled(t, grace.authorization, created.id, 60000);
    expect(file.status).toBe('ready');
    expect(file.metadata.pageCount).toBe(2);
    expect(file.metadata.text).toEqual(expect.stringContaining('Ada Lovelace'));
    expect(file.metadata.text).toEqual(expect.stringContaining('Menabrea'));
    await expectPreview(created.id);
  }, 90000);

  it('rejects a CV that only looks like a PDF as unprocessable', async () => {
    const created = await uploaded(t, grace.authorization, 'cv-file', {
      filename: 'broken.pdf',
      content: Buffer.from('%PDF-1.7\nthis is not really a PDF'),
    });
    const file = await settled(t, grace.authorization, created.id);
    expect(file).toMatchObject({ status: 'rejected', rejectReason: 'unprocessable' });
  });

  it('rasterises an SVG company logo to a public, trimmed PNG', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">' +
        '<rect width="400" height="200" fill="#fff"/><rect x="100" y="50" width="200" height="100" fill="#123"/>' +
        '<script>alert(document.cookie)</script></svg>',
    );
    const created = await uploaded(t, grace.authorization, 'company-logo', {
      filename: 'acme.svg',
      content: svg,
    });
    expect(created).toMatchObject({ mimeType: 'image/svg+xml', isPublic: true });
    const file = await settled(t, grace.authorization, created.id);
    expect(file.status).toBe('ready');
    const content = await readContent(t, grace.authorization, created.id);
    expect(content.contentType).toBe('image/png');
    expect(content.location).toMatch(/\/logo\.png$/);
    const meta = await sharp(content.body).metadata();
    // Rendered at 300 dpi (×300/72) the 200×100 box is 833×417; the white frame around it is gone.
    expect(meta.width).toBeGreaterThanOrEqual(832);
    expect(meta.width).toBeLessThanOrEqual(835);
    expect(meta.hasAlpha).toBe(true);
  });

  it.each(['mp4', 'avi'] as const)(
    'compresses a %s video to H.264/AAC MP4 without metadata, with a thumbnail',
    async (format) => {
      const created = await uploaded(t, grace.authorization, 'social-video', {
        filename: `clip.${format}`,
        content: testVideo(format),
      });
      const file = await settled(t, grace.authorization, created.id, 60000);
      expect(file.status).toBe('ready');
      expect(file.metadata).toMatchObject({ width: 640, height: 360, hasAudio: true });
      expect(file.metadata.durationSeconds).toBeCloseTo(2, 0);
      expect(file.variants.video).toMatchObject({ mimeType: 'video/mp4', width: 640, height: 360 });

      const video = await readContent(t, grace.authorization, created.id, 'video');
      const dir = mkdtempSync(join(tmpdir(), 'video-check-'));
      try {
        const path = join(dir, 'out.mp4');
        writeFileSync(path, video.body);
        const probe = JSON.parse(
          execFileSync('/usr/bin/ffprobe', [
            ...['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path],
          ]).toString(),
        ) as { streams: { codec_name: string }[]; format: { tags?: Record<string, string> } };
        expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
        expect(JSON.stringify(probe.format.tags ?? {})).not.toMatch(/location/i);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // Players seek with byte ranges.
      const partial = await t.inject({
        method: 'GET',
        url: new URL(video.location).pathname + new URL(video.location).search,
        headers: { range: 'bytes=0-99' },
      });
      expect(partial.statusCode).toBe(206);
      expect(partial.headers['content-range']).toBe(`bytes 0-99/${video.body.length}`);
      expect(partial.rawPayload).toEqual(video.body.subarray(0, 100));
      const beyond = await t.inject({
        method: 'GET',
        url: new URL(video.location).pathname + new URL(video.location).search,
        headers: { range: `bytes=${video.body.length}-` },
      });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${video.body.length}`);

      const thumbnail = await readContent(t, grace.authorization, created.id, 'thumbnail');
      expect((await sharp(thumbnail.body).metadata()).format).toBe('jpeg');
    },
    90000,
  );
});
