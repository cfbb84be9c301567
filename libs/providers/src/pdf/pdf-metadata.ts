import type * as PdfLib from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author?: string;
  language?: string;
}

const CREATOR = 'Career Tools';

let pdfLib: Promise<typeof PdfLib> | undefined;
/** pdf-lib is loaded with the first PDF, not at boot (load time and memory). */
const loadPdfLib = () => (pdfLib ??= import('pdf-lib'));

/**
 * Chromium writes `Title` (from `<title>`), `Lang` and the structure tree of a
 * tagged PDF but has no way to set `Author`: rewrite the Info dictionary with
 * pdf-lib, keeping every other object (structure tree, marked content) as is.
 * Parsing without yielding to the event loop keeps this at a few milliseconds.
 */
export async function withPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Buffer> {
  const { PDFDocument, ParseSpeeds } = await loadPdfLib();
  const doc = await PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.language) doc.setLanguage(meta.language);
  doc.setCreator(CREATOR);
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
