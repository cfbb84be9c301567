import type { SectionItem, Suggestion } from './writer/ai-writer.port';
import type { ResumeDocument } from '../domain/resume';
import { aiItemNotFound, nothingToEnhance } from './ai.problems';

/** What `POST /v1/cvs/{id}/ai/enhance` can rewrite: `summary` is `basics.summary`. */
export const ENHANCEABLE_SECTIONS = [
  'summary',
  'work',
  'volunteer',
  'projects',
  'awards',
  'publications',
] as const;
export type EnhanceableSection = (typeof ENHANCEABLE_SECTIONS)[number];

/** The prose of each list section; names, positions, dates and URLs are never rewritten. */
const PROSE_FIELDS: Record<Exclude<EnhanceableSection, 'summary'>, string[]> = {
  work: ['summary', 'highlights'],
  volunteer: ['summary', 'highlights'],
  projects: ['description', 'highlights'],
  awards: ['summary'],
  publications: ['summary'],
};

/** The texts sent to the AI writer, and where each suggestion lands in the document. */
export interface EnhancementTarget {
  items: SectionItem[];
  /** The suggestion's JSON Pointer into the document, e.g. `/work/0/highlights/2`. */
  pathOf(suggestion: Suggestion): string | undefined;
}

/**
 * `itemId` picks one entry: an index (`"0"`) or the entry's own `id`
 * property. Items go out with their index as id, so every suggestion maps
 * back to one place. 422 when the item does not exist or there is no text.
 */
export function enhancementTarget(
  document: ResumeDocument,
  section: EnhanceableSection,
  itemId?: string,
): EnhancementTarget {
  if (section === 'summary') {
    if (itemId !== undefined) throw aiItemNotFound(section, itemId);
    const text = document.basics?.summary;
    if (typeof text !== 'string' || text.trim() === '') throw nothingToEnhance(section);
    return { items: [{ text }], pathOf: () => '/basics/summary' };
  }
  const entries: unknown[] = Array.isArray(document[section]) ? document[section] : [];
  const indexes = entries.map((_, index) => index);
  if (itemId === undefined && entries.length === 0) throw nothingToEnhance(section);
  const chosen = itemId === undefined ? indexes : [indexOfItem(entries, itemId)];
  if (chosen[0] < 0) throw aiItemNotFound(section, itemId ?? '');
  const items = chosen.map((index) => ({
    id: String(index),
    fields: proseOf(entries[index], PROSE_FIELDS[section]),
  }));
  const hasText = items.some((item) =>
    Object.values(item.fields).some((value) =>
      [value].flat().some((text) => typeof text === 'string' && text.trim() !== ''),
    ),
  );
  if (!hasText) throw nothingToEnhance(section);
  return {
    items,
    pathOf: (suggestion) =>
      suggestion.itemId !== undefined && /^\d+$/.test(suggestion.itemId)
        ? `/${section}/${suggestion.itemId}/${suggestion.field}`
        : undefined,
  };
}

function indexOfItem(entries: unknown[], itemId: string): number {
  if (/^\d{1,6}$/.test(itemId)) return Number(itemId) < entries.length ? Number(itemId) : -1;
  return entries.findIndex(
    (entry) =>
      typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === itemId,
  );
}

/** Lists keep their positions (a non-string entry becomes empty) so `highlights/2` stays right. */
function proseOf(entry: unknown, fields: string[]): Record<string, string | string[]> {
  const prose: Record<string, string | string[]> = {};
  if (typeof entry !== 'object' || entry === null) return prose;
  for (const field of fields) {
    const value = (entry as Record<string, unknown>)[field];
    if (typeof value === 'string') prose[field] = value;
    else if (Array.isArray(value))
      prose[field] = value.map((text) => (typeof text === 'string' ? text : ''));
  }
  return prose;
}

/** The value at a JSON Pointer of the document (undefined when there is none). */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  let value = document;
  for (const token of pointer.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}
