import { html } from '../html';
import { contactLine, sections, summary, type TemplateDesign } from '../parts';

/** Monospace headings and dates, a terminal-style header and code-like skill chips. */
export const tech: TemplateDesign = {
  css: ({ accent, mono }) => `
    header { background: #0f172a; color: #e2e8f0; padding: 6mm 7mm; border-radius: 1.5mm; margin-bottom: 5mm; }
    header h1 { font-family: ${mono}; font-size: 19pt; color: #fff; }
    header .label { font-family: ${mono}; color: color-mix(in srgb, ${accent} 45%, white); }
    header .contacts { font-family: ${mono}; font-size: 8.5pt; margin-top: 2mm; }
    h2 { font-family: ${mono}; font-size: 11pt; color: ${accent}; margin: 5mm 0 2mm;
      border-inline-start: 1mm solid ${accent}; padding-inline-start: 2mm; }
    h3 { font-size: 10.5pt; }
    .item { margin-bottom: 3mm; }
    .item-sub { color: #475569; }
    .item-sub::before { content: ' @ '; }
    .dates, .location { font-family: ${mono}; font-size: 8.5pt; color: #475569; }
    .location { display: block; }
    .tag { font-family: ${mono}; font-size: 8.5pt; background: #f1f5f9; border: .2mm solid #cbd5e1;
      border-radius: .8mm; padding: 0 1.2mm; }
    .tag-sep { color: #94a3b8; }
    .compact-title { font-weight: 600; }
  `,
  body: (view) =>
    html` <header>
        <h1>${view.name}</h1>
        ${view.label ? html`<p class="label">${view.label}</p>` : ''}
        ${contactLine(view.contacts, ' | ')}
      </header>
      ${summary(view)}${sections(view, { meta: 'right', tags: 'chips' })}`,
};
