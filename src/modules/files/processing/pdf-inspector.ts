/**
 * Child-process entry: reads one PDF with pdf.js (via pdf-parse) and renders
 * its first page. Run through inspectPdf, never imported by the app, so that
 * a hostile or huge PDF costs a process that is killed on timeout, not the worker.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import type { PdfInspection, PdfInspectionRequest } from './inspect-pdf';

async function inspect(request: PdfInspectionRequest): Promise<PdfInspection> {
  const parser = new PDFParse({ data: new Uint8Array(await readFile(request.pdfPath)) });
  try {
    const pageCount = (await parser.getInfo()).total;
    const text = request.withText ? (await parser.getText({ pageJoiner: '' })).text : '';
    const shot = await parser.getScreenshot({
      first: 1,
      desiredWidth: request.previewWidth,
      imageDataUrl: false,
      imageBuffer: true,
    });
    const page = shot.pages[0];
    await writeFile(request.previewPath, page.data);
    return { pageCount, text, width: Math.round(page.width), height: Math.round(page.height) };
  } finally {
    await parser.destroy();
  }
}

process.once('message', (request: PdfInspectionRequest) => {
  inspect(request).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.message }, () => process.exit(0)),
  );
});
