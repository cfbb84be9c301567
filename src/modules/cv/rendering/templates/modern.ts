import { html } from '../html';
import { contactLine, photo, sections, summary, type TemplateDesign } from '../parts';

/** A coloured header band, accent headings with a rule, dates beside each title. */
export const modern: TemplateDesign = {
  css: ({ accent }) => `
    header.band { background: ${accent}; color: #fff; padding: 7mm 8mm; border-radius: 2mm;
      display: flex; gap: 6mm; align-items: center; margin-bottom: 5mm; }
    header.band h1 { font-size: 22pt; line-height: 1.15; }
    header.band .label { font-size: 12pt; color: color-mix(in srgb, white 88%, ${accent}); }
    header.band .contacts { margin-top: 2mm; font-size: 9pt; }
    .photo { width: 24mm; height: 24mm; border-radius: 50%; object-fit: cover; }
    h2 { color: ${accent}; font-size: 11.5pt; text-transform: uppercase; letter-spacing: .02em;
      border-bottom: 0.4mm solid ${accent}; padding-bottom: 1mm; margin: 5mm 0 2.5mm; }
    h3 { font-size: 10.5pt; }
    .item { margin-bottom: 3mm; }
    .item-sub { color: #444; }
    .item-sub::before { content: ' — '; }
    .dates { color: ${accent}; font-weight: 600; }
    .location { display: block; color: #666; font-size: 9pt; }
    .tag { background: color-mix(in srgb, ${accent} 12%, white); border-radius: 1mm; padding: 0 1.2mm; }
    .tag-sep { color: #999; }
  `,
  body: (view) =>
    html` <header class="band">
        ${photo(view)}
        <div>
          <h1>${view.name}</h1>
          ${view.label ? html`<p class="label">${view.label}</p>` : ''}
          ${contactLine(view.contacts)}
        </div>
      </header>
      ${summary(view)}${sections(view, { meta: 'right', tags: 'chips' })}`,
};
