/**
 * The one vocabulary for job-ad keywords, shared by the ATS check and the
 * writers: which words are noise, what a term is, and when a text mentions one.
 */

/** English function words plus words every job ad uses; neither says anything about a skill. */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each etc few for from further had
  has have having he her here hers herself him himself his how i if in into is it its itself just me
  more most my myself no nor not of off on once only or other our ours ourselves out over own same
  she should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves via per within across around us may must shall might
  able ability abilities include includes including join joining looking
  seek seeking seeks role roles position candidate candidates ideal ideally opportunity
  opportunities team teams work working works company companies environment year years experience
  experienced strong excellent good great plus bonus preferred required requirements requirement
  responsibilities responsibility skills skill knowledge understanding new using use used help
  helping ensure make makes well based day days week weeks month months like want wants need needs
  part full time hiring hire apply applicant applicants job jobs benefits offer offers salary world class
  one two three four five first every other others several many much
  benefit competitive culture either equal familiarity highly key let nice now proven successful
  upon without
  ll re ve`.split(/\s+/), // what is left of "we'll", "you're", "we've" once split at the apostrophe
);

/** A term: letters and digits, joined by `+#./-` inside (`C++`, `Node.js`, `CI/CD`). */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#./-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Too short, a number or a stop word: never a keyword. `word` is already lower-case. */
export function isNoise(word: string): boolean {
  return word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word);
}

export interface Keyword {
  /** As first written in the text (keeps `TypeScript`, `PostgreSQL`). */
  term: string;
  count: number;
}

/** `exclude`: texts whose words are not keywords here (the company's name, the job title). */
export function extractKeywords(text: string, limit = 15, exclude: string[] = []): Keyword[] {
  const excluded = new Set(exclude.flatMap((e) => tokens(e).map(normalizeTerm)));
  const found = new Map<string, Keyword & { first: number }>();
  let position = 0;
  for (const term of tokens(text)) {
    const key = normalizeTerm(term);
    position += 1;
    if (isNoise(key) || excluded.has(key)) continue;
    const seen = found.get(key);
    if (seen) seen.count += 1;
    else found.set(key, { term, count: 1, first: position });
  }
  return [...found.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map(({ term, count }) => ({ term, count }));
}

/** Case- and accent-insensitive form used to compare terms. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.]+$/, '');
}

/** Whether `text` mentions `term` as a whole word (case- and accent-insensitive). */
export function mentions(text: string, term: string): boolean {
  return containsWord(normalizeTerm(text), normalizeTerm(term));
}

/** Whether `text` holds `phrase` as whole words; both already normalised the same way. */
export function containsWord(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}+#])`, 'u').test(text);
}
