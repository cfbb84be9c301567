import type MarkdownIt from 'markdown-it';
import type SanitizeHtml from 'sanitize-html';

/**
 * Markdown → HTML for posts, on save (never per read). Code blocks are not
 * highlighted here: they come out as `<pre><code class="language-x">` and the
 * frontend highlights them. Everything goes through an allow-list: no script,
 * style, iframe, form or event handler survives, links and images only with
 * http(s)/mailto (images http(s)), and external links get `rel="noopener nofollow ugc"`.
 */
const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  's',
  'code',
  'pre',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'sup',
  'sub',
];

let loaded: { markdown: MarkdownIt.MarkdownIt; sanitize: typeof SanitizeHtml } | undefined;

function libraries(): { markdown: MarkdownIt.MarkdownIt; sanitize: typeof SanitizeHtml } {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until the first save
    const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until the first save
    const sanitize = require('sanitize-html') as typeof SanitizeHtml;
    // Raw HTML passes markdown-it and is then cut down by the allow-list below.
    loaded = { markdown: new MarkdownItClass({ html: true, linkify: true }), sanitize };
  }
  return loaded;
}

/** Sanitized HTML for a Markdown body (raw HTML inside the Markdown is sanitized too). */
export function renderMarkdown(markdown: string): string {
  const { markdown: parser, sanitize } = libraries();
  const html = parser.render(markdown);
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      code: ['class'],
      th: ['align'],
      td: ['align'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: /^https?:/i.test(attribs.href ?? '')
          ? { ...attribs, rel: 'noopener nofollow ugc' }
          : attribs,
      }),
    },
  });
}

/** Plain text of a Markdown body, for excerpts and word counts. */
export function plainText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Minutes at 230 words a minute, at least 1. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 230));
}

/** The first sentences of the text up to about 200 characters, cut at a word. */
export function makeExcerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
