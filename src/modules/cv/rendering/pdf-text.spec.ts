import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractPdfText } from './pdf-text';

describe('extractPdfText', () => {
  it('reads the text layer and leaves the process JSON.parse and Array#push native', async () => {
    const { parse } = JSON;
    const { push } = Array.prototype;
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 200]);
    page.drawText('Hello ATS', {
      x: 20,
      y: 100,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });

    const { text, pages } = await extractPdfText(await doc.save());

    expect(pages).toBe(1);
    expect(text).toContain('Hello ATS');
    // pdf-parse's bundled core-js replaces both with slower polyfills when it loads.
    expect(JSON.parse).toBe(parse);
    expect(Array.prototype.push).toBe(push);
  });
});
