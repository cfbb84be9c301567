import { html } from '../html';
import { contactLine, sections, summary, type TemplateDesign } from '../parts';

/** Black on white, light grey headings, hairlines and space; colour only on the name. */
export const minimal: TemplateDesign = {
  css: ({ accent }) => `
    header { margin-bottom: 6mm; }
    header h1 { font-size: 18pt; font-weight: 500; color: ${accent}; }
    header .label { color: #555; }
    header .contacts { font-size: 9pt; color: #555; margin-top: 1mm; }
    header .sep { color: #bbb; }
    h2 { font-size: 9pt; font-weight: 500; text-transform: lowercase; letter-spacing: .02em; color: #888;
      margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: .2mm solid #ddd; }
    h3 { font-size: 10pt; font-weight: 500; display: inline; }
    .item { margin-bottom: 3.5mm; }
    .item-sub { color: #555; }
    .item-sub::before { content: ' at '; }
    .item-meta { color: #777; font-size: 9pt; }
    .location::before { content: ' · '; }
    ul { list-style: '– '; }
  `,
  body: (view) =>
    html` <header>
        <h1>${view.name}</h1>
        ${view.label ? html`<p class="label">${view.label}</p>` : ''}
        ${contactLine(view.contacts, ' · ')}
      </header>
      ${summary(view, null)}${sections(view, { meta: 'right', tags: 'text' })}`,
};
