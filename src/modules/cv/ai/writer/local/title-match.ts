import { normalizeTerm } from '../../../text/keywords';
import { SKILLS_BY_TITLE, type TitleSkills } from './skills-by-title';

/** Words that say how senior, not what the job is. */
const SENIORITY = new Set(
  'senior sr junior jr lead principal staff chief head associate assistant intern trainee entry level mid i ii iii iv'.split(
    ' ',
  ),
);

/** Words shared by many titles: a match on them alone says little. */
const GENERIC = new Set(
  'engineer developer manager specialist analyst coordinator representative officer consultant designer'.split(
    ' ',
  ),
);

const SYNONYMS: Record<string, string> = {
  dev: 'developer',
  devs: 'developer',
  eng: 'engineer',
  engr: 'engineer',
  mgr: 'manager',
  frontend: 'front',
  backend: 'back',
  fullstack: 'full',
};

export function titleWords(title: string): string[] {
  return normalizeTerm(title)
    .replace(/[-/]/g, ' ')
    .split(/[^\p{L}\p{N}&+#]+/u)
    .map((word) => SYNONYMS[word] ?? word)
    .filter((word) => word && !SENIORITY.has(word));
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

function weight(word: string): number {
  return GENERIC.has(word) ? 0.5 : 1;
}

/** Weighted share of `words` that have a match among `others`. */
function coverage(words: string[], others: string[]): number {
  const total = words.reduce((sum, word) => sum + weight(word), 0);
  const matched = words
    .filter((word) => others.some((other) => sameWord(word, other)))
    .reduce((sum, word) => sum + weight(word), 0);
  return total === 0 ? 0 : matched / total;
}

/** How well a query and one name of a title match each other, 0..1. */
function score(query: string[], name: string): number {
  const words = titleWords(name);
  return (coverage(words, query) + coverage(query, words)) / 2;
}

/**
 * The bundled title that best matches a free-text job title (word overlap both
 * ways, seniority ignored, generic words such as "manager" weighed half), or
 * undefined when nothing scores at least one half.
 */
export function matchTitle(jobTitle: string): TitleSkills | undefined {
  const query = titleWords(jobTitle);
  if (query.length === 0) return undefined;
  let best: { entry: TitleSkills; score: number } | undefined;
  for (const entry of SKILLS_BY_TITLE) {
    const entryScore = Math.max(
      ...[entry.title, ...(entry.aliases ?? [])].map((n) => score(query, n)),
    );
    if (entryScore > (best?.score ?? 0)) best = { entry, score: entryScore };
  }
  return best && best.score >= 0.5 ? best.entry : undefined;
}

/** The first bundled title (or alias) a CV text names, e.g. in its headline. */
export function titleMentionedIn(text: string): TitleSkills | undefined {
  const words = ` ${titleWords(text).join(' ')} `;
  return SKILLS_BY_TITLE.map((entry) => {
    const positions = [entry.title, ...(entry.aliases ?? [])]
      .map((name) => words.indexOf(` ${titleWords(name).join(' ')} `))
      .filter((index) => index >= 0);
    return { entry, at: positions.length > 0 ? Math.min(...positions) : -1 };
  })
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.entry;
}
