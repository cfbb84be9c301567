import { html } from '../html';
import { contactLine, sections, summary, type TemplateDesign } from '../parts';

/** Centred name, small-caps headings between rules, italic dates: the traditional CV. */
export const classic: TemplateDesign = {
  css: ({ accent }) => `
    header { text-align: center; margin-bottom: 4mm; }
    header h1 { font-size: 21pt; font-weight: 400; letter-spacing: .02em; }
    header .label { font-style: italic; color: #333; }
    header .contacts { font-size: 9pt; margin-top: 1.5mm; }
    h2 { font-variant: small-caps; font-weight: 600; font-size: 12.5pt; letter-spacing: .02em;
      color: ${accent}; border-top: 0.3mm solid #222; border-bottom: 0.3mm solid #222;
      padding: .6mm 0; margin: 5mm 0 2.5mm; text-align: center; }
    h3 { font-size: 10.5pt; display: inline; }
    .item { margin-bottom: 3mm; }
    .item-sub { font-style: italic; }
    .item-sub::before { content: ', '; font-style: normal; }
    .dates { font-style: italic; }
    .location { display: block; font-size: 9pt; }
    .summary p { text-align: justify; }
  `,
  body: (view) =>
    html` <header>
        <h1>${view.name}</h1>
        ${view.label ? html`<p class="label">${view.label}</p>` : ''}
        ${contactLine(view.contacts, ' | ')}
      </header>
      ${summary(view, view.words.profile)}${sections(view, { meta: 'right', tags: 'text' })}`,
};
