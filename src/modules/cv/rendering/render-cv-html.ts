import { Problem } from '@lib/problems';
import { PAGE_SIZES, type CvLayout, type ResumeDocument } from '../domain/resume';
import { isCvTemplate, templateDesign } from './catalog';
import { buildCvView, type CvView } from './cv-view';
import { fontStack, monoStack } from './fonts';
import { html, trustedCss, type SafeHtml } from './html';
import { documentLanguage, textDirection } from './language';
import type { TemplateDesign } from './parts';

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Rendered CVs are built from user content: nothing may load or run, only inline
 * styles and data: images/fonts. Also sent as a header where the HTML is served.
 */
export const STRICT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const PAGE_MARGIN = '14mm 15mm 16mm';

/** Page setup, fonts and page-break rules every template shares. */
function baseCss(pageSize: string, font: string): string {
  return `
    @page { size: ${pageSize}; margin: ${PAGE_MARGIN}; }
    * { box-sizing: border-box; }
    html { font-family: ${font}; font-size: 10pt; line-height: 1.4; color: #1d1d1f;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; }
    @media screen { body { padding: ${PAGE_MARGIN}; background: #fff; } }
    h1, h2, h3, p, ul { margin: 0; }
    h1 { font-size: 20pt; }
    ul { padding-inline-start: 5mm; margin-top: 1mm; }
    li { margin-bottom: .6mm; }
    a { color: inherit; text-decoration: none; }
    .item, .compact-item, .keep, li { break-inside: avoid; }
    h2 { break-after: avoid; }
    .item-head { display: flex; justify-content: space-between; align-items: baseline; gap: 4mm; }
    .item-meta { text-align: end; flex-shrink: 0; }
    .meta-left .item-meta { text-align: start; }
    .item-text, .tags, .item-url { margin-top: .8mm; }
    .item-url { font-size: 9pt; color: #555; }
    .summary p { margin-bottom: 1mm; }
    .compact-item { margin-bottom: 1mm; }
    .compact-title { font-weight: 600; }
  `;
}

/** The page every document shares: the template's look, the CV's page size, theme and language. */
interface StyledPage {
  language: string;
  css: string;
  view: CvView;
  design: TemplateDesign;
}

function styledPage(document: ResumeDocument, layout: CvLayout): StyledPage {
  if (!isCvTemplate(layout.template)) {
    throw Problem.badRequest(
      'cv.template_unknown',
      `Unknown template "${String(layout.template)}"`,
    );
  }
  if (!PAGE_SIZES.includes(layout.pageSize)) {
    throw Problem.badRequest(
      'cv.page_size_unknown',
      `Unknown page size "${String(layout.pageSize)}"`,
    );
  }
  const accent = layout.theme?.accentColor ?? '';
  if (!HEX_COLOUR.test(accent)) {
    throw Problem.badRequest(
      'cv.accent_color_invalid',
      'theme.accentColor must be #rgb or #rrggbb',
    );
  }
  const language = documentLanguage(layout.language);
  const font = fontStack(layout.theme.font ?? '', language);
  const design = templateDesign(layout.template);
  const css =
    baseCss(layout.pageSize, font) + design.css({ accent, font, mono: monoStack(language) });
  return { language, css, design, view: buildCvView(document, layout, language) };
}

function page(layout: CvLayout, style: StyledPage, title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${style.language}" dir="${textDirection(style.language)}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}" />
        <title>${title}</title>
        <style>
          ${trustedCss(style.css)}
        </style>
      </head>
      <body class="template-${layout.template}">
        ${body}
      </body>
    </html>`.value;
}

/**
 * One self-contained HTML page for a CV: inline CSS, local fonts, no scripts
 * and no external URLs (only `data:` images). Every CV string is escaped.
 */
export function renderCvHtml(document: ResumeDocument, layout: CvLayout): string {
  const style = styledPage(document, layout);
  const title = style.view.name ? `${style.view.name} – CV` : 'CV';
  return page(layout, style, title, style.design.body(style.view));
}

export interface CoverLetterContent {
  subject?: string | null;
  /** Paragraphs separated by blank lines. */
  body: string;
  company?: string | null;
  date: Date;
}

const LETTER_CSS = `
  .letter { margin-top: 8mm; font-size: 10.5pt; line-height: 1.55; }
  .letter .letter-date { text-align: end; margin-bottom: 6mm; }
  .letter .letter-to { margin-bottom: 5mm; font-weight: 600; }
  .letter h2.letter-subject { margin: 0 0 5mm; border: none; }
  .letter p { margin: 0 0 3.5mm; break-inside: avoid; }
`;

/**
 * A cover letter styled like its CV: the same template header (name, headline,
 * contact details) and theme, then the letter. Every string is escaped.
 */
export function renderCoverLetterHtml(
  basics: ResumeDocument['basics'],
  layout: CvLayout,
  letter: CoverLetterContent,
): string {
  const style = styledPage({ basics: { ...basics, summary: undefined } }, layout);
  const paragraphs = letter.body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const date = new Intl.DateTimeFormat(style.language, { dateStyle: 'long' }).format(letter.date);
  const body = html`${style.design.body(style.view)}
    <main class="letter">
      <p class="letter-date">${date}</p>
      ${letter.company ? html`<p class="letter-to">${letter.company}</p>` : ''}
      ${letter.subject ? html`<h2 class="letter-subject">${letter.subject}</h2>` : ''}
      ${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
    </main>`;
  const title = style.view.name ? `${style.view.name} – Cover letter` : 'Cover letter';
  return page(layout, { ...style, css: style.css + LETTER_CSS }, title, body);
}
