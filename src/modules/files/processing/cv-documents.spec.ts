import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { processCvDocument } from './cv-documents';

describe('processCvDocument', () => {
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
      chromiumPath: '/usr/bin/chromium',
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
        chromiumPath: '/usr/bin/chromium',
        workDir,
      }),
    ).rejects.toThrow(/PDF inspection failed/);
  }, 60000);
});
