import { PDFParse } from 'pdf-parse';

export interface PdfText {
  /** The text layer, one line per line of text, pages separated. */
  text: string;
  pages: number;
}

/** Reads the text layer back out of a PDF, as an ATS parser would. */
export async function extractPdfText(pdf: Uint8Array): Promise<PdfText> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}
