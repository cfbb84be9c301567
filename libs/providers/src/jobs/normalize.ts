import type {
  EmploymentType,
  NormalizedSalary,
  SalaryInterval,
  Seniority,
  WorkplaceType,
} from './job-source.port';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  trade: '™',
  bull: '•',
  middot: '·',
};

/** Decodes HTML character references (named, decimal, hex); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'blockquote',
  'code',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'span',
  'div',
]);
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
]);
const VOID_TAGS = new Set(['br', 'hr']);

/**
 * Allow-list sanitizer for third-party HTML: known formatting tags only, no
 * attributes except an http(s)/mailto `href` on links (with rel="nofollow noopener"),
 * script/style and their content dropped, text re-escaped. Unclosed tags are closed.
 */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping: string | null = null;
  const token =
    /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s>=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+|</g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(html)) !== null) {
    const [whole, rawName, attributes = ''] = match;
    if (whole.startsWith('<!--')) continue;
    if (!rawName) {
      if (!dropping) out.push(escapeHtml(decodeEntities(whole)));
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = whole.startsWith('</');
    if (dropping) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !whole.endsWith('/>')) dropping = name;
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at === -1) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    if (VOID_TAGS.has(name)) {
      out.push(`<${name}>`);
      continue;
    }
    if (name === 'a') {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
      const target = href ? decodeEntities(href[1] ?? href[2] ?? href[3] ?? '').trim() : '';
      out.push(
        /^(https?:|mailto:)/i.test(target)
          ? `<a href="${escapeHtml(target)}" rel="nofollow noopener">`
          : '<a>',
      );
    } else {
      out.push(`<${name}>`);
    }
    open.push(name);
  }
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join('').trim();
}

const BLOCK_BREAK = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|blockquote|pre|hr|table)\b[^>]*>/gi;

/** Plain text of (sanitized or raw) HTML: tags removed, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<li\b[^>]*>/gi, '\n• ')
      .replace(BLOCK_BREAK, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+(?=• )/g, '\n')
    .trim();
}

/** Entity-escaped HTML (Greenhouse's `content`): unescape once, then sanitize. */
export function sanitizeEscapedHtml(escaped: string): string {
  return sanitizeHtml(decodeEntities(escaped));
}

const TRACKING_PARAM =
  /^(utm_\w+|gclid|fbclid|mc_cid|mc_eid|ref|referrer|source|src|trk|gh_src|lever-source|lever-origin)$/i;

/** A URL without tracking parameters, fragment or trailing slash; null if it is not http(s). */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  url.hash = '';
  url.hostname = url.hostname.replace(/^www\./, '');
  url.protocol = 'https:';
  url.searchParams.sort();
  return url.toString().replace(/\/(?=$|\?)/, '');
}

/**
 * A UTC date from what sources send: epoch seconds, epoch milliseconds (as
 * number or numeric string), ISO with offset, or a naive ISO timestamp (read as UTC).
 */
export function parseSourceDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,14}$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return null;
    const date = new Date(n < 1e11 ? n * 1000 : n);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const naive = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.test(text);
  const date = new Date(
    naive ? `${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : 'T00:00:00Z'}` : text,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

const PER_YEAR: Record<SalaryInterval, number> = {
  year: 1,
  month: 12,
  week: 52,
  day: 260,
  hour: 2080,
};

/** The salary as a yearly figure (midpoint of min/max), or null without a figure. */
export function annualize(salary: NormalizedSalary | null): number | null {
  if (!salary) return null;
  const values = [salary.min, salary.max].filter(
    (v): v is number => typeof v === 'number' && v > 0,
  );
  if (values.length === 0) return null;
  const mid = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.round(mid * PER_YEAR[salary.interval]);
}

const CURRENCY_SIGNS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

/** Free-text salary ("$40,000 - $50,000", "€60k–75k per year", "25/hour") or null. */
export function parseSalaryText(
  text: string | null | undefined,
  fallbackCurrency: string | null = null,
): NormalizedSalary | null {
  if (!text) return null;
  const normalized = text.replace(/\u00a0/g, ' ');
  const numbers = [...normalized.matchAll(/(\d{1,3}(?:[,.\s]\d{3})+|\d+(?:\.\d+)?)\s*(k|K)?/g)]
    .map((m) => {
      const base = Number(m[1].replace(/[,\s]/g, '').replace(/\.(?=\d{3}\b)/g, ''));
      return m[2] ? base * 1000 : base;
    })
    .filter((n) => Number.isFinite(n) && n > 0);
  if (numbers.length === 0) return null;
  const sign = /[$€£¥₹]/.exec(normalized)?.[0];
  const code = /\b(USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|PLN|SEK|NOK|DKK)\b/i.exec(normalized)?.[1];
  const currency = code?.toUpperCase() ?? (sign ? CURRENCY_SIGNS[sign] : fallbackCurrency);
  const interval: SalaryInterval = /\b(hour|hr|hourly)\b/i.test(normalized)
    ? 'hour'
    : /\b(day|daily)\b/i.test(normalized)
      ? 'day'
      : /\b(week|weekly)\b/i.test(normalized)
        ? 'week'
        : /\b(month|monthly|mo)\b/i.test(normalized)
          ? 'month'
          : 'year';
  const [min, max] = [Math.min(...numbers.slice(0, 2)), Math.max(...numbers.slice(0, 2))];
  return { min, max, currency: currency ?? null, interval, isEstimated: false, origin: 'parsed' };
}

/** Employment type from the many spellings sources use ("full time", "FullTime", "full_time", "Contractor"). */
export function employmentTypeOf(value: string | null | undefined): EmploymentType | null {
  const v = (value ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (!v) return null;
  if (v.startsWith('full') || v === 'permanent') return 'full_time';
  if (v.startsWith('part')) return 'part_time';
  if (v.startsWith('contract') || v === 'freelance' || v === 'contractor') return 'contract';
  if (
    v.startsWith('intern') ||
    v === 'apprenticeship' ||
    v === 'working student' ||
    v === 'werkstudent'
  )
    return 'internship';
  if (v.startsWith('temp') || v === 'seasonal') return 'temporary';
  return null;
}

/** Seniority from a level name or, failing that, the title. */
export function seniorityOf(level: string | null | undefined, title = ''): Seniority | null {
  const text = `${level ?? ''} ${title}`.toLowerCase();
  if (/\bintern(ship)?\b|\btrainee\b|\bapprentice/.test(text)) return 'intern';
  if (/\b(chief|vp|vice president|director|head of|cto|ceo|cfo)\b/.test(text)) return 'executive';
  if (/\b(lead|principal|staff|manager)\b/.test(text)) return 'lead';
  if (/\b(senior|sr\.?)\b/.test(text)) return 'senior';
  if (/\b(junior|jr\.?|entry|graduate)\b/.test(text)) return 'junior';
  if (/\b(mid|intermediate)\b/.test(text)) return 'mid';
  return null;
}

export function workplaceTypeOf(
  value: string | null | undefined,
  remote: boolean,
): WorkplaceType | null {
  const v = (value ?? '').toLowerCase();
  if (v.includes('hybrid')) return 'hybrid';
  if (v.includes('remote') || remote) return 'remote';
  if (v.includes('onsite') || v.includes('on-site') || v.includes('office')) return 'onsite';
  return null;
}

const COUNTRY_NAMES: Record<string, string> = {
  'united states': 'US',
  usa: 'US',
  us: 'US',
  'united kingdom': 'GB',
  uk: 'GB',
  england: 'GB',
  germany: 'DE',
  deutschland: 'DE',
  france: 'FR',
  spain: 'ES',
  italy: 'IT',
  netherlands: 'NL',
  poland: 'PL',
  canada: 'CA',
  australia: 'AU',
  india: 'IN',
  brazil: 'BR',
  ireland: 'IE',
  sweden: 'SE',
  switzerland: 'CH',
  austria: 'AT',
  portugal: 'PT',
  denmark: 'DK',
  norway: 'NO',
  finland: 'FI',
  belgium: 'BE',
  mexico: 'MX',
  japan: 'JP',
  singapore: 'SG',
};
const CITY_COUNTRY: Record<string, string> = {
  berlin: 'DE',
  munich: 'DE',
  münchen: 'DE',
  hamburg: 'DE',
  frankfurt: 'DE',
  cologne: 'DE',
  köln: 'DE',
  london: 'GB',
  manchester: 'GB',
  paris: 'FR',
  madrid: 'ES',
  barcelona: 'ES',
  amsterdam: 'NL',
  warsaw: 'PL',
  poznań: 'PL',
  kraków: 'PL',
  toronto: 'CA',
  vancouver: 'CA',
  sydney: 'AU',
  dublin: 'IE',
  'new york': 'US',
  'san francisco': 'US',
  austin: 'US',
  seattle: 'US',
  boston: 'US',
  chicago: 'US',
  vienna: 'AT',
  zurich: 'CH',
  zürich: 'CH',
  lisbon: 'PT',
  stockholm: 'SE',
};

/** Best-effort ISO country from a location text ("Berlin, Germany", "Poznań", "Remote - US"). */
export function countryOf(location: string | null | undefined): string | null {
  if (!location) return null;
  const parts = location
    .toLowerCase()
    .split(/[,/|()\-–]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts.reverse()) {
    if (COUNTRY_NAMES[part]) return COUNTRY_NAMES[part];
    if (CITY_COUNTRY[part]) return CITY_COUNTRY[part];
    if (
      /^[a-z]{2}$/.test(part) &&
      part !== 'us' &&
      Object.values(COUNTRY_NAMES).includes(part.toUpperCase())
    ) {
      return part.toUpperCase();
    }
  }
  return null;
}

/** Whether a location text says the job is remote. */
export function looksRemote(text: string | null | undefined): boolean {
  return /\b(remote|anywhere|worldwide|distributed|work from home|wfh)\b/i.test(text ?? '');
}

/** A salary from a source's numeric fields; null when neither bound is a positive figure. */
export function directSalary(
  min: number | null,
  max: number | null,
  currency: string | null,
  interval: SalaryInterval,
  isEstimated = false,
): NormalizedSalary | null {
  const low = min !== null && min > 0 ? min : null;
  const high = max !== null && max > 0 ? max : null;
  if (low === null && high === null) return null;
  return {
    min: low,
    max: high,
    currency: currency ? currency.toUpperCase() : null,
    interval,
    isEstimated,
    origin: 'direct',
  };
}
