import { html } from '../html';
import { contactLine, photo, sections, summary, type TemplateDesign } from '../parts';

/** A bold name over an accent stripe down the page, marker headings, chips and a timeline. */
export const creative: TemplateDesign = {
  css: ({ accent }) => `
    main { border-inline-start: 2.2mm solid ${accent}; padding-inline-start: 6mm; }
    header { display: flex; gap: 6mm; align-items: flex-end; margin-bottom: 4mm; }
    header h1 { font-size: 26pt; font-weight: 800; color: ${accent}; line-height: 1; }
    header .label { font-size: 13pt; font-weight: 300; letter-spacing: .02em; margin-top: 1.5mm; }
    header .contacts { font-size: 9pt; color: #555; margin-top: 2mm; }
    .photo { width: 28mm; height: 28mm; border-radius: 3mm; object-fit: cover; }
    h2 { font-size: 13pt; font-weight: 800; margin: 4.5mm 0 2mm; }
    h2::before { content: ''; display: inline-block; width: 3mm; height: 3mm; background: ${accent};
      margin-inline-end: 2mm; border-radius: .6mm; }
    .item { margin-bottom: 3mm; padding-inline-start: 4mm; border-inline-start: .4mm dashed ${accent}; }
    .item-sub { display: block; color: ${accent}; font-weight: 600; }
    .item-meta { font-size: 9pt; color: #666; text-align: start; margin-top: .5mm; }
    .location::before { content: ' · '; }
    .tag { border: .3mm solid ${accent}; border-radius: 3mm; padding: 0 1.8mm; font-size: 9pt; }
    .tag-sep { color: #94a3b8; }
    .compact .compact-item { display: inline-block; margin: 0 3mm 1.5mm 0; }
  `,
  body: (view) =>
    html`<main>
      <header>
        ${photo(view)}
        <div>
          <h1>${view.name}</h1>
          ${view.label ? html`<p class="label">${view.label}</p>` : ''}${contactLine(view.contacts)}
        </div>
      </header>
      ${summary(view, view.words.aboutMe)}${sections(view, { meta: 'below', tags: 'chips' })}
    </main>`,
};
