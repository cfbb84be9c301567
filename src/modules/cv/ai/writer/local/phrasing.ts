/**
 * Rule-based rewriting of CV bullet points (English): weak openings become
 * action verbs, filler words go, and texts without a number are flagged.
 */

/** Past tense of verbs that do not just take -ed. */
const IRREGULAR_PAST: Record<string, string> = {
  build: 'built',
  buy: 'bought',
  choose: 'chose',
  cut: 'cut',
  do: 'did',
  draw: 'drew',
  drive: 'drove',
  find: 'found',
  get: 'got',
  give: 'gave',
  grow: 'grew',
  hold: 'held',
  keep: 'kept',
  lead: 'led',
  make: 'made',
  meet: 'met',
  oversee: 'oversaw',
  put: 'put',
  run: 'ran',
  sell: 'sold',
  send: 'sent',
  set: 'set',
  spend: 'spent',
  take: 'took',
  teach: 'taught',
  think: 'thought',
  undertake: 'undertook',
  win: 'won',
  write: 'wrote',
  rewrite: 'rewrote',
};

/** Gerunds whose stem is not the gerund minus -ing (e.g. creating → create). */
const GERUND_STEMS: Record<string, string> = {
  running: 'run',
  setting: 'set',
  cutting: 'cut',
  planning: 'plan',
  shipping: 'ship',
  scoping: 'scope',
  getting: 'get',
  winning: 'win',
  putting: 'put',
};

/** Weak openings and the action verb that replaces them. `$verb` = the following verb, past tense. */
const WEAK_OPENINGS: { pattern: RegExp; replacement: string; reason: string }[] = [
  {
    pattern: /^(?:was |were )?(?:responsible|tasked) (?:for|with) (\p{L}+ing)\b/iu,
    replacement: '$verb',
    reason: 'Starts with an action verb instead of "responsible for"',
  },
  {
    pattern: /^(?:was |were )?responsible for\b/iu,
    replacement: 'Owned',
    reason: 'Starts with an action verb instead of "responsible for"',
  },
  {
    pattern: /^(?:was |were )?in charge of\b/iu,
    replacement: 'Led',
    reason: 'Starts with an action verb instead of "in charge of"',
  },
  {
    pattern: /^(?:helped|assisted|aided)(?: to| in)? (\p{L}+)\b/iu,
    replacement: '$verb',
    reason: 'Claims the result directly instead of "helped"',
  },
  {
    pattern: /^(?:helped with|assisted with|assisted in)\b/iu,
    replacement: 'Supported',
    reason: 'Claims the result directly instead of "helped"',
  },
  {
    pattern: /^(?:worked on|was working on)\b/iu,
    replacement: 'Built',
    reason: 'Starts with an action verb instead of "worked on"',
  },
  {
    pattern: /^(?:was |were )?(?:involved in|part of|participated in)\b/iu,
    replacement: 'Contributed to',
    reason: 'Starts with an action verb instead of "involved in"',
  },
  {
    pattern: /^(?:duties included|my duties included|tasks included)\b:?/iu,
    replacement: 'Drove',
    reason: 'Starts with an action verb instead of listing duties',
  },
  {
    pattern: /^(?:handled|dealt with)\b/iu,
    replacement: 'Managed',
    reason: 'Starts with a stronger action verb',
  },
];

/** Words that add length, not meaning. Multi-word fillers first. */
const FILLERS: { pattern: RegExp; replacement: string; word: string }[] = [
  ...['in order to'].map((word) => ({
    pattern: /\bin order to\b/giu,
    replacement: 'to',
    word,
  })),
  ...[
    'very',
    'really',
    'basically',
    'actually',
    'literally',
    'quite',
    'just',
    'simply',
    'totally',
    'extremely',
    'successfully',
    'various',
  ].map((word) => ({
    pattern: new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])\\s*`, 'giu'),
    replacement: '',
    word,
  })),
];

const HAS_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|double|half|dozens?|hundreds?|thousands?|millions?)\b/iu;

export const MEASURABLE_RESULT = 'Add a measurable result (a number, percentage or amount)';

export interface Rewrite {
  text: string;
  reasons: string[];
}

/** Applies every rule to one text. `flagNumbers`: the text reports an achievement. */
export function strengthen(
  original: string,
  options: { english: boolean; flagNumbers: boolean },
): Rewrite {
  const reasons: string[] = [];
  let text = original.trim().replace(/\s+/g, ' ');
  if (options.english) {
    const opened = strongerOpening(text);
    if (opened) {
      text = opened.text;
      reasons.push(opened.reason);
    }
    const removed: string[] = [];
    for (const filler of FILLERS) {
      const next = text.replace(filler.pattern, filler.replacement);
      if (next !== text) removed.push(filler.word);
      text = next;
    }
    if (removed.length > 0) {
      text = text
        .replace(/\s+([,.;:])/g, '$1')
        .replace(/\s{2,}/g, ' ')
        .trim();
      reasons.push(`Removed filler words: ${removed.join(', ')}`);
    }
  }
  // Only a rule's change rewrites the text; advice alone leaves it exactly as it was.
  const rewritten = reasons.length > 0 ? capitalize(text) : original;
  if (options.flagNumbers && !HAS_NUMBER.test(original)) reasons.push(MEASURABLE_RESULT);
  return { text: rewritten, reasons };
}

function strongerOpening(text: string): { text: string; reason: string } | undefined {
  for (const rule of WEAK_OPENINGS) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    let verb = rule.replacement;
    if (verb === '$verb') {
      const word = match[1];
      const stem = word.toLowerCase().endsWith('ing') ? gerundStem(word) : word.toLowerCase();
      // "helped the team" is not followed by a verb: fall through to the next rule.
      if (!stem || (!word.toLowerCase().endsWith('ing') && !looksLikeVerb(stem))) continue;
      verb = capitalize(pastTense(stem));
    }
    const rest = text.slice(match[0].length).replace(/^[\s:,-]+/, '');
    return { text: rest ? `${verb} ${rest}` : verb, reason: rule.reason };
  }
  return undefined;
}

/** Base verbs that commonly follow "helped"; anything else is probably a noun. */
const COMMON_VERBS = new Set(
  `build create design develop implement launch migrate improve reduce increase grow drive run
  lead manage plan deliver ship automate optimize optimise scale write test deploy maintain
  support organize organise coordinate analyze analyse establish introduce redesign refactor
  streamline train mentor onboard recruit hire negotiate secure raise cut save sell expand
  integrate modernize modernise define prepare produce resolve fix set make win`.split(/\s+/),
);

function looksLikeVerb(word: string): boolean {
  return COMMON_VERBS.has(word);
}

function gerundStem(gerund: string): string | undefined {
  const lower = gerund.toLowerCase();
  if (GERUND_STEMS[lower]) return GERUND_STEMS[lower];
  const stem = lower.slice(0, -3);
  if (stem.length < 2) return undefined;
  // Verbs ending in -e lose it before -ing: creating → create, managing → manage.
  return E_VERBS.has(`${stem}e`) ? `${stem}e` : stem;
}

/** Verbs whose -ing form drops a final e; the list keeps "developing" → "develop". */
const E_VERBS = new Set(
  `create manage improve drive lead write use organize organise analyze analyse optimize optimise
  coordinate automate integrate facilitate negotiate generate operate moderate motivate validate
  migrate translate calculate educate evaluate initiate produce reduce introduce prepare secure
  ensure measure engage stage arrange change challenge oversee achieve deliver serve resolve
  involve solve save raise scale structure restructure cause close compose dispose propose
  revise supervise advise advertise promote execute compute source outsource guide decide
  provide make take move prototype define refine release rewrite style update upgrade`.split(/\s+/),
);

export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR_PAST[lower]) return IRREGULAR_PAST[lower];
  if (lower.endsWith('e')) return `${lower}d`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ied`;
  if (/^(?:plan|ship|scrap|stop|drop|chip|skip|map)$/.test(lower))
    return `${lower}${lower.at(-1)}ed`;
  return `${lower}ed`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
