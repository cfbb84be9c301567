/** Theme fonts a CV may choose; all are local Debian Noto fonts, never loaded from the network. */
export const CV_FONTS = ['Noto Sans', 'Noto Serif', 'Noto Sans Mono'] as const;
export type CvFont = (typeof CV_FONTS)[number];

type Style = 'sans' | 'serif' | 'mono';

/** Per style: the Latin/Cyrillic/Greek face, then Arabic and Hebrew faces (fonts-noto-core). */
const STACKS: Record<Style, { base: string[]; rtl: string[]; cjk: string; generic: string }> = {
  sans: {
    base: ['Noto Sans'],
    rtl: ['Noto Sans Arabic', 'Noto Sans Hebrew'],
    cjk: 'Noto Sans CJK',
    generic: 'sans-serif',
  },
  serif: {
    base: ['Noto Serif'],
    rtl: ['Noto Naskh Arabic', 'Noto Serif Hebrew'],
    cjk: 'Noto Serif CJK',
    generic: 'serif',
  },
  mono: {
    base: ['DejaVu Sans Mono', 'Noto Sans Mono'],
    rtl: ['Noto Sans Arabic', 'Noto Sans Hebrew'],
    cjk: 'Noto Sans Mono CJK',
    generic: 'monospace',
  },
};

/** fonts-noto-cjk ships one face per region; the CV's language picks the right glyph variants. */
function cjkRegions(language: string): string[] {
  const [lang, ...rest] = language.toLowerCase().split('-');
  const order = ['SC', 'TC', 'HK', 'JP', 'KR'];
  const first =
    lang === 'ja'
      ? 'JP'
      : lang === 'ko'
        ? 'KR'
        : lang === 'zh' && rest.some((s) => ['tw', 'hant', 'mo'].includes(s))
          ? 'TC'
          : lang === 'zh' && rest.includes('hk')
            ? 'HK'
            : 'SC';
  return [first, ...order.filter((r) => r !== first)];
}

function styleOf(font: string): Style {
  const name = font.toLowerCase();
  if (name.includes('mono')) return 'mono';
  if (name.includes('serif')) return 'serif';
  return 'sans';
}

/**
 * A CSS `font-family` value for the theme font: the chosen face, then faces
 * for Arabic, Hebrew and CJK, then the generic family. Only names from this
 * file reach the CSS, whatever the CV says.
 */
export function fontStack(font: string, language: string): string {
  const stack = STACKS[styleOf(font)];
  const cjk = cjkRegions(language)
    .slice(0, 2)
    .map((region) => `${stack.cjk} ${region}`);
  return [...stack.base, ...stack.rtl, ...cjk]
    .map((family) => `'${family}'`)
    .concat(stack.generic)
    .join(', ');
}

export function monoStack(language: string): string {
  return fontStack('Noto Sans Mono', language);
}
