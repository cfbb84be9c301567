import type { SectionItem } from './ai-writer.port';

/** One text of a section item, addressed the way suggestions address it. */
export interface ItemText {
  itemId?: string;
  field: string;
  text: string;
}

/** Fields that hold names, dates or addresses rather than prose: never rewritten. */
const NOT_PROSE = new Set([
  'id',
  'name',
  'url',
  'email',
  'phone',
  'image',
  'date',
  'startDate',
  'endDate',
  'releaseDate',
  'countryCode',
  'postalCode',
  'username',
  'network',
  'institution',
  'organization',
  'awarder',
  'issuer',
  'publisher',
  'score',
  'level',
  'fluency',
  'language',
]);

/** The non-empty prose texts of the items, in order: `text`, `summary`, `highlights/0`, … */
export function sectionTexts(items: SectionItem[]): ItemText[] {
  const texts: ItemText[] = [];
  for (const item of items) {
    const add = (field: string, text: string | undefined) => {
      if (typeof text === 'string' && text.trim() !== '') {
        texts.push({ ...(item.id !== undefined ? { itemId: item.id } : {}), field, text });
      }
    };
    add('text', item.text);
    for (const [name, value] of Object.entries(item.fields ?? {})) {
      if (NOT_PROSE.has(name)) continue;
      if (Array.isArray(value)) value.forEach((entry, index) => add(`${name}/${index}`, entry));
      else add(name, value);
    }
  }
  return texts;
}

/** `highlights/2` → `highlights`. */
export function fieldName(field: string): string {
  return field.split('/')[0];
}
