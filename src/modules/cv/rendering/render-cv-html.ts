import { Problem } from '@lib/problems';
import { PAGE_SIZES, type CvLayout, type ResumeDocument } from '../domain/resume';
import { isCvTemplate, templateDesign } from './catalog';
import { buildCvView } from './cv-view';
import { fontStack, monoStack } from './fonts';
import { html, trustedCss } from './html';
import { documentLanguage, textDirection } from './language';

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Also served as a preview to real browsers: nothing but inline styles and data: images. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

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

/**
 * One self-contained HTML page for a CV: inline CSS, local fonts, no scripts
 * and no external URLs (only `data:` images). Every CV string is escaped.
 */
export function renderCvHtml(document: ResumeDocument, layout: CvLayout): string {
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
  const view = buildCvView(document, layout, language);
  const css =
    baseCss(layout.pageSize, font) + design.css({ accent, font, mono: monoStack(language) });
  const title = view.name ? `${view.name} – CV` : 'CV';
  return html`<!doctype html>
    <html lang="${language}" dir="${textDirection(language)}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CSP}" />
        <title>${title}</title>
        <style>
          ${trustedCss(css)}
        </style>
      </head>
      <body class="template-${layout.template}">
        ${design.body(view)}
      </body>
    </html>`.value;
}
