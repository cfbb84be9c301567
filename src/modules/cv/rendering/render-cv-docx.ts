import type * as Docx from 'docx';
import type { ISectionOptions, Paragraph, TextRun } from 'docx';
import type { CvLayout, ResumeDocument } from '../domain/resume';
import { buildCvView, type CvItem, type CvSectionView, type CvView } from './cv-view';
import { documentLanguage, textDirection } from './language';

/** Word documents open on machines without Noto fonts: the theme's style maps to Office fonts. */
function officeFont(font: string): string {
  const name = font.toLowerCase();
  if (name.includes('mono')) return 'Consolas';
  if (name.includes('serif')) return 'Cambria';
  return 'Calibri';
}

/** `#rgb` or `#rrggbb` as Word's `RRGGBB`; undefined for anything else. */
export function docxColour(hex: string | undefined): string | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex ?? '');
  if (!match) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return digits.toUpperCase();
}

let docx: Promise<typeof Docx> | undefined;
/** docx is loaded with the first export, not at boot (load time and memory). */
const loadDocx = () => (docx ??= import('docx'));

/**
 * The CV as a Word document: name and contact line, then the sections in
 * layout order with bullet highlights, in the same shape the HTML templates use.
 */
export async function renderCvDocx(document: ResumeDocument, layout: CvLayout): Promise<Buffer> {
  const { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } = await loadDocx();
  const language = documentLanguage(layout.language);
  const rtl = textDirection(language) === 'rtl';
  const view = buildCvView(document, layout, language);
  const accent = docxColour(layout.theme?.accentColor) ?? '1F4E79';
  const para = (options: ConstructorParameters<typeof Paragraph>[0] & object) =>
    new Paragraph({ bidirectional: rtl, ...options });
  const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new TextRun({ text, rightToLeft: rtl, ...options });

  const children: Paragraph[] = [
    para({ heading: HeadingLevel.TITLE, children: [run(view.name || 'CV')] }),
    ...(view.label ? [para({ children: [run(view.label, { italics: true })] })] : []),
    ...(view.contacts.length > 0
      ? [para({ children: [run(view.contacts.map((c) => c.text).join(' · '), { size: 18 })] })]
      : []),
    ...summaryParagraphs(view),
    ...view.sections.flatMap((section) => sectionParagraphs(section)),
  ];

  function summaryParagraphs({ summary }: CvView): Paragraph[] {
    if (!summary) return [];
    return [heading(view.words.summary), para({ children: [run(summary)] })];
  }

  function heading(text: string): Paragraph {
    return para({
      heading: HeadingLevel.HEADING_1,
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: accent, space: 1 } },
      children: [new TextRun({ text, color: accent, rightToLeft: rtl })],
    });
  }

  function sectionParagraphs(section: CvSectionView): Paragraph[] {
    return [
      heading(section.heading),
      ...section.items.flatMap((entry) =>
        section.compact ? [compactParagraph(entry)] : itemParagraphs(entry),
      ),
    ];
  }

  function compactParagraph(entry: CvItem): Paragraph {
    const parts: TextRun[] = [];
    if (entry.title) parts.push(run(entry.title, { bold: true }));
    if (entry.subtitle) parts.push(run(` (${entry.subtitle})`));
    if (entry.tags.length > 0) parts.push(run(`: ${entry.tags.join(', ')}`));
    return para({ children: parts });
  }

  function itemParagraphs(entry: CvItem): Paragraph[] {
    const head: TextRun[] = [];
    if (entry.title) head.push(run(entry.title, { bold: true }));
    if (entry.subtitle) head.push(run(`${entry.title ? ', ' : ''}${entry.subtitle}`));
    const meta = [entry.dates, entry.location].filter(Boolean).join(' · ');
    return [
      para({ heading: HeadingLevel.HEADING_2, keepNext: true, children: head }),
      ...(meta ? [para({ children: [run(meta, { italics: true, size: 18 })] })] : []),
      ...(entry.url ? [para({ children: [run(entry.url, { size: 18 })] })] : []),
      ...entry.lines.map((line) => para({ children: [run(line)] })),
      ...entry.bullets.map((bullet) => para({ bullet: { level: 0 }, children: [run(bullet)] })),
      ...(entry.tags.length > 0 ? [para({ children: [run(entry.tags.join(', '))] })] : []),
    ];
  }

  const section: ISectionOptions = {
    properties: {
      page: {
        size:
          layout.pageSize === 'Letter'
            ? { width: 12240, height: 15840 } // 8.5 × 11 in, in twentieths of a point
            : { width: 11906, height: 16838 }, // 210 × 297 mm
        margin: { top: 850, bottom: 900, left: 850, right: 850 },
      },
    },
    children,
  };
  const doc = new Document({
    title: view.name ? `${view.name} – CV` : 'CV',
    creator: view.name || 'Career Tools',
    styles: {
      default: {
        document: {
          run: {
            font: officeFont(layout.theme?.font ?? ''),
            size: 21,
            language: { value: language, bidirectional: rtl ? language : undefined },
          },
        },
        title: { run: { color: accent, size: 44, bold: true } },
        heading1: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 240 } } },
        heading2: { run: { size: 21, color: '1D1D1F' }, paragraph: { spacing: { before: 120 } } },
      },
    },
    sections: [section],
  });
  return Packer.toBuffer(doc);
}
