import type * as PdfParseModule from 'pdf-parse';

export interface PdfText {
  /** The text layer, one line per line of text, pages separated. */
  text: string;
  pages: number;
}

/** Captured before pdf-parse can have loaded (see restoreNatives). */
const NATIVE_JSON_PARSE = JSON.parse;
const NATIVE_ARRAY_PUSH = Array.prototype.push;

/**
 * pdf-parse bundles pdf.js with core-js, which replaces `JSON.parse` and `Array.prototype.push`
 * of the whole process with slower polyfills, on load and again when pdf.js loads its worker
 * code on the first parse. pdf.js needs neither on Node 20: both are put back after each use
 * (the additive polyfills such as `Promise.withResolvers` stay).
 */
function restoreNatives(): void {
  if (JSON.parse !== NATIVE_JSON_PARSE) JSON.parse = NATIVE_JSON_PARSE;
  if (Array.prototype.push !== NATIVE_ARRAY_PUSH) Array.prototype.push = NATIVE_ARRAY_PUSH;
}

let pdfParse: Promise<typeof PdfParseModule> | undefined;

/** pdf-parse is loaded on first use, not at boot: it takes ~0.4 s and ~50 MB. */
function loadPdfParse(): Promise<typeof PdfParseModule> {
  pdfParse ??= import('pdf-parse').finally(restoreNatives);
  return pdfParse;
}

/** Reads the text layer back out of a PDF, as an ATS parser would. */
export async function extractPdfText(pdf: Uint8Array): Promise<PdfText> {
  const { PDFParse } = await loadPdfParse();
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
    restoreNatives();
  }
}
