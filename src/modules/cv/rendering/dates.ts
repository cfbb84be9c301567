import { cvWords } from '../text/headings';
/** A parsed JSON Resume date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with its precision. */
export interface ResumeDateParts {
  year: number;
  month?: number;
  day?: number;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseResumeDate(value: string | undefined): ResumeDateParts | null {
  const match = value ? DATE.exec(value.trim()) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (
    day !== undefined &&
    (day < 1 || day > new Date(Date.UTC(year, month ?? 1, 0)).getUTCDate())
  ) {
    return null;
  }
  return { year, month, day };
}

/** Months since year 0, taking a missing month as January (start) or December (end). */
export function monthIndex(date: ResumeDateParts, edge: 'start' | 'end'): number {
  return date.year * 12 + (date.month ?? (edge === 'start' ? 1 : 12)) - 1;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(language: string): Intl.DateTimeFormat {
  let format = monthFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    monthFormats.set(language, format);
  }
  return format;
}

/** `2021` → "2021", `2021-03` and `2021-03-14` → "Mar 2021"; anything else comes back as given. */
export function formatResumeDate(value: string, language = 'en'): string {
  const date = parseResumeDate(value);
  if (!date) return value.trim();
  if (date.month === undefined) return String(date.year);
  return monthFormat(language).format(new Date(Date.UTC(date.year, date.month - 1, 1)));
}

/** "Mar 2021 – Present", "2019 – 2020", "Mar 2021" (no start), or undefined when both are empty. */
export function formatDateRange(
  start: string | undefined,
  end: string | undefined,
  language = 'en',
): string | undefined {
  const from = start?.trim() ? formatResumeDate(start, language) : undefined;
  const to = end?.trim() ? formatResumeDate(end, language) : undefined;
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `${from} – ${cvWords(language).present}`;
  return to;
}
