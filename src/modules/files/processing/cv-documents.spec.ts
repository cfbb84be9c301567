import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { createPdfRenderer } from '@lib/providers';
import { loadConfig } from '@lib/config';
import { processCvDocument } from './cv-documents';

describe('processCvDocument', () => {
  const pdf = createPdfRenderer(loadConfig({ PDF_POOL_SIZE: '1' }));
  const renderPdf = (html: string) => pdf.render(html, { format: 'A4', title: 'CV' });
  afterAll(() => pdf.close());
  let workDir: string;
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'cv-doc-'));
  });
  afterEach(() => rm(workDir, { recursive: true, force: true }));

  it('reads a DOCX: text, rendered page count and a first-page PNG', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Ada Lovelace')] }] }),
    );
    const result = await processCvDocument(docx, 'docx', {
      renderPdf,
      workDir,
    });
    expect(result.metadata).toMatchObject({ pageCount: 1, text: 'Ada Lovelace' });
    const preview = result.variants.preview;
    expect(await sharp(preview.content as Buffer).metadata()).toMatchObject({
      format: 'png',
      width: 800,
    });
  }, 60000);

  it('fails on a broken PDF (the job then rejects the file as unprocessable)', async () => {
    await expect(
      processCvDocument(Buffer.from('%PDF-1.7\nnot really'), 'pdf', {
        renderPdf,
        workDir,
      }),
    ).rejects.toThrow(/PDF inspection failed/);
  }, 60000);
});
