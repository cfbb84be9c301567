import { html } from '../html';
import { contactLine, sections, summary, type TemplateDesign } from '../parts';

/**
 * Capitals, a heavy accent rule, a shaded profile and a date column on the left.
 * Tracking stays tight in every template: wide letter-spacing turns "NAME" into
 * "N A M E" in the PDF text layer that ATS parsers read.
 */
export const executive: TemplateDesign = {
  css: ({ accent }) => `
    header { border-bottom: 1.2mm solid ${accent}; padding-bottom: 3mm; margin-bottom: 4mm; }
    header h1 { font-size: 20pt; text-transform: uppercase; letter-spacing: .02em; font-weight: 700; }
    header .label { text-transform: uppercase; letter-spacing: .02em; color: ${accent}; font-size: 10pt; margin-top: 1mm; }
    header .contacts { font-size: 9pt; margin-top: 2mm; color: #333; }
    .summary { background: color-mix(in srgb, ${accent} 8%, white); padding: 3mm 4mm;
      border-inline-start: 1mm solid ${accent}; }
    .summary h2 { margin-top: 0; }
    h2 { font-size: 10.5pt; text-transform: uppercase; letter-spacing: .02em; color: ${accent};
      margin: 5mm 0 2.5mm; }
    h3 { font-size: 10.5pt; }
    .item { margin-bottom: 3mm; }
    .meta-left { display: grid; grid-template-columns: 32mm 1fr; gap: 4mm; }
    .item-meta { font-size: 9pt; color: #444; }
    .location { display: block; }
    .item-sub { display: block; font-weight: 600; color: #333; }
  `,
  body: (view) =>
    html` <header>
        <h1>${view.name}</h1>
        ${view.label ? html`<p class="label">${view.label}</p>` : ''}
        ${contactLine(view.contacts, ' | ')}
      </header>
      ${summary(view, view.words.executiveProfile)}${sections(view, { meta: 'left', tags: 'text' })}`,
};
