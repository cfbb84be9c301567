import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectPdf } from './inspect-pdf';
import type { ProcessingResult } from './processing-result';

/** Text kept in metadata (enough for search and AI analysis of a CV). */
export const MAX_TEXT_CHARS = 20_000;
const PREVIEW_WIDTH = 800;

export interface CvDocumentOptions {
  /** Prints self-contained HTML to an A4 PDF (the PDF port; nothing is fetched). */
  renderPdf: (html: string) => Promise<Buffer>;
  /** Scratch directory for the intermediate PDF and the preview. */
  workDir: string;
}

/**
 * CV files (PDF or DOCX): page count, plain text and a PNG of the first page.
 * A DOCX is turned into HTML by mammoth and printed to PDF in chromium, so both
 * formats are measured and previewed the same way. The original is kept as uploaded.
 */
export async function processCvDocument(
  input: Buffer,
  type: 'pdf' | 'docx',
  options: CvDocumentOptions,
): Promise<ProcessingResult> {
  const pdfPath = join(options.workDir, 'document.pdf');
  const previewPath = join(options.workDir, 'preview.png');
  let text = '';
  if (type === 'docx') {
    // Loaded with the first DOCX, not at boot (load time and memory).
    const { default: mammoth } = await import('mammoth');
    const { value: html } = await mammoth.convertToHtml(
      { buffer: input },
      // Word's manual page breaks become CSS page breaks, so the page count matches.
      { styleMap: ["br[type='page'] => hr.page-break"] },
    );
    text = (await mammoth.extractRawText({ buffer: input })).value;
    await writeFile(pdfPath, await options.renderPdf(documentPage(html)));
  } else {
    await writeFile(pdfPath, input);
  }
  const pdf = await inspectPdf({
    pdfPath,
    previewPath,
    previewWidth: PREVIEW_WIDTH,
    withText: type === 'pdf',
  });
  if (type === 'pdf') text = pdf.text;
  const normalised = normaliseText(text);
  return {
    original: {
      fileName: `original.${type}`,
      mimeType:
        type === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: input,
    },
    variants: {
      preview: {
        fileName: 'preview.png',
        mimeType: 'image/png',
        content: await readFile(previewPath),
        width: pdf.width,
        height: pdf.height,
      },
    },
    metadata: {
      pageCount: pdf.pageCount,
      text: normalised.slice(0, MAX_TEXT_CHARS),
      textTruncated: normalised.length > MAX_TEXT_CHARS,
      ...(type === 'docx' ? { pageCountFrom: 'rendered' } : {}),
    },
  };
}

function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function documentPage(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:'Noto Sans',sans-serif;font-size:11pt;line-height:1.4;margin:20mm;color:#111}
img{max-width:100%}hr.page-break{break-after:page;border:0;margin:0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2pt 4pt}
</style></head><body>${body}</body></html>`;
}
