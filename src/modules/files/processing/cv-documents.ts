import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { htmlToPdf } from './html-to-pdf';
import type { ProcessingResult } from './processing-result';

/** Text kept in metadata (enough for search and AI analysis of a CV). */
export const MAX_TEXT_CHARS = 20_000;
const PREVIEW_WIDTH = 800;

export interface CvDocumentOptions {
  chromiumPath: string;
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
  let pdf: Buffer;
  let text: string;
  if (type === 'docx') {
    const { value: html } = await mammoth.convertToHtml({ buffer: input });
    text = (await mammoth.extractRawText({ buffer: input })).value;
    pdf = await htmlToPdf(documentPage(html), options.chromiumPath);
  } else {
    pdf = input;
    text = '';
  }
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const pageCount = (await parser.getInfo()).total;
    if (type === 'pdf') text = (await parser.getText({ pageJoiner: '' })).text;
    const shot = await parser.getScreenshot({
      first: 1,
      desiredWidth: PREVIEW_WIDTH,
      imageDataUrl: false,
      imageBuffer: true,
    });
    const page = shot.pages[0];
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
          content: Buffer.from(page.data),
          width: Math.round(page.width),
          height: Math.round(page.height),
        },
      },
      metadata: {
        pageCount,
        text: normalised.slice(0, MAX_TEXT_CHARS),
        textTruncated: normalised.length > MAX_TEXT_CHARS,
        ...(type === 'docx' ? { pageCountFrom: 'rendered' } : {}),
      },
    };
  } finally {
    await parser.destroy();
  }
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
img{max-width:100%}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2pt 4pt}
</style></head><body>${body}</body></html>`;
}
