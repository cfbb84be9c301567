import type { CvContact, CvItem, CvSectionView, CvView } from './cv-view';
import { html, type SafeHtml } from './html';

/** What a template's stylesheet may use from the CV's theme (validated values only). */
export interface DesignTheme {
  accent: string;
  font: string;
  mono: string;
}

/** A template: its own stylesheet and body structure over the shared parts below. */
export interface TemplateDesign {
  css(theme: DesignTheme): string;
  body(view: CvView): SafeHtml;
}

export interface ItemStyle {
  /** Where dates and location go: beside the title, in a left column, or under the title. */
  meta: 'right' | 'left' | 'below';
  /** Keywords as chips (still separated in the text layer) or as a plain list. */
  tags: 'chips' | 'text';
}

export function contactLine(contacts: CvContact[], separator = ' · '): SafeHtml {
  return html`<p class="contacts">
    ${contacts.map(
      (contact, i) =>
        html`${i > 0 ? html`<span class="sep">${separator}</span>` : ''}<span
            class="contact contact-${contact.kind}"
            >${link(contact.text, contact.href)}</span
          >`,
    )}
  </p>`;
}

export function photo(view: CvView): SafeHtml | '' {
  return view.image ? html`<img class="photo" src="${view.image}" alt="" />` : '';
}

export function summary(view: CvView, heading: string | null = view.words.summary): SafeHtml | '' {
  if (!view.summary) return '';
  return html`<section class="section summary">
    ${heading ? html`<h2>${heading}</h2>` : ''}
    <p>${view.summary}</p>
  </section>`;
}

/**
 * A section whose heading stays on the page of its first entry: both sit in one
 * unbreakable block; the other entries may move to the next page one by one.
 */
export function section(view: CvSectionView, style: ItemStyle): SafeHtml {
  const render = (entry: CvItem) => (view.compact ? compactItem(entry, style) : item(entry, style));
  const [first, ...rest] = view.items;
  return html`<section class="section ${view.key}${view.compact ? ' compact' : ''}">
    <div class="keep">
      <h2>${view.heading}</h2>
      ${render(first)}
    </div>
    ${rest.map(render)}
  </section>`;
}

export function sections(view: CvView, style: ItemStyle): SafeHtml[] {
  return view.sections.map((s) => section(s, style));
}

function item(entry: CvItem, style: ItemStyle): SafeHtml {
  const meta = entry.dates || entry.location ? metaBlock(entry) : '';
  const heading = html`<div class="item-title">
    ${
      entry.title ? html`<h3>${entry.title}</h3>` : ''
    }${entry.subtitle ? html`<span class="item-sub">${entry.subtitle}</span>` : ''}
  </div>`;
  const details = html`${
    entry.url ? html`<p class="item-url">${link(entry.url, entry.href)}</p>` : ''
  }${entry.lines.map((line) => html`<p class="item-text">${line}</p>`)}${
    entry.bullets.length > 0
      ? html`<ul>
          ${entry.bullets.map((b) => html`<li>${b}</li>`)}
        </ul>`
      : ''
  }${tags(entry.tags, style)}`;
  if (style.meta === 'left') {
    return html`<article class="item meta-left">
      ${meta || html`<div class="item-meta"></div>`}
      <div class="item-main">${heading}${details}</div>
    </article>`;
  }
  if (style.meta === 'below') {
    return html`<article class="item">${heading}${meta}${details}</article>`;
  }
  return html`<article class="item">
    <div class="item-head">${heading}${meta}</div>
    ${details}
  </article>`;
}

function compactItem(entry: CvItem, style: ItemStyle): SafeHtml {
  return html`<div class="compact-item">
    ${
      entry.title ? html`<span class="compact-title">${entry.title}</span>` : ''
    }${entry.subtitle ? html`<span class="compact-sub"> (${entry.subtitle})</span>` : ''}${
      entry.tags.length > 0
        ? html`<span class="sep">: </span>${tags(entry.tags, style, 'span')}`
        : ''
    }
  </div>`;
}

function metaBlock(entry: CvItem): SafeHtml {
  return html`<div class="item-meta">
    ${
      entry.dates ? html`<span class="dates">${entry.dates}</span>` : ''
    }${entry.location ? html`<span class="location">${entry.location}</span>` : ''}
  </div>`;
}

function tags(values: string[], style: ItemStyle, element: 'p' | 'span' = 'p'): SafeHtml | '' {
  if (values.length === 0) return '';
  const inner =
    style.tags === 'chips'
      ? values.map(
          (tag, i) =>
            html`${i > 0 ? html`<span class="tag-sep"> · </span>` : ''}<span class="tag"
                >${tag}</span
              >`,
        )
      : html`${values.join(', ')}`;
  return element === 'p'
    ? html`<p class="tags">${inner}</p>`
    : html`<span class="tags">${inner}</span>`;
}

function link(text: string, href: string | undefined): SafeHtml {
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
}
