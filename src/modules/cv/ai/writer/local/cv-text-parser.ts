import type { ParsedResume } from '../ai-writer.port';
import { headingSection, type HeadingSection } from '../../../text/headings';
import { normalizeTerm } from '../../../text/keywords';
import { prune } from '../prune';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
const PHONE = /(?:\+|00)?\d[\d\s().-]{6,}\d/;
const URL_SOURCE =
  '\\b(?:https?:\\/\\/|www\\.)[^\\s,;|<>()]+|\\b(?:linkedin\\.com|github\\.com|gitlab\\.com|x\\.com|twitter\\.com|behance\\.net|dribbble\\.com)\\/[^\\s,;|<>()]+';
const ANY_URL = new RegExp(URL_SOURCE, 'iu');
const ALL_URLS = new RegExp(URL_SOURCE, 'giu');
const BULLET = /^\s*(?:[-–—•·*▪‣◦●■►✓]|\d{1,2}[.)])\s+/u;

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['jan january januar janvier enero gennaio janeiro januari styczen январь янв', 1],
    ['feb february februar fevrier febrero febbraio fevereiro februari luty февраль фев', 2],
    ['mar march marz mars marzo marco maart marzec март', 3],
    ['apr april avril abril aprile kwiecien апрель апр', 4],
    ['may mai mayo maggio maio mei maj май', 5],
    ['jun june juni juin junio giugno junho czerwiec июнь', 6],
    ['jul july juli juillet julio luglio julho lipiec июль', 7],
    ['aug august aout agosto augustus sierpien август авг', 8],
    ['sep sept september septembre septiembre settembre setembro wrzesien сентябрь сен', 9],
    ['oct october oktober octobre octubre ottobre outubro pazdziernik октябрь окт', 10],
    ['nov november novembre noviembre novembro listopad ноябрь ноя', 11],
    ['dec december dezember decembre diciembre dicembre dezembro grudzien декабрь дек', 12],
  ].flatMap(([names, month]) =>
    (names as string).split(' ').map((name): [string, number] => [name, month as number]),
  ),
);

const PRESENT =
  "present|current|currently|now|today|ongoing|heute|aktuell|derzeit|bis heute|aujourd'hui|actuel|actualidad|presente|actual|oggi|in corso|atual|heden|nu|obecnie|настоящее время|по настоящее время|н\\.в\\.";
const DATE = `(?:(?:\\p{L}{3,12}\\.?\\s+)?\\d{4}|\\d{1,2}[./]\\d{4}|\\d{4}[-/.]\\d{1,2})`;
const DATE_RANGE = new RegExp(
  `(${DATE})\\s*(?:-|–|—|to|bis|à|a|al|до|until|till)\\s*(${DATE}|${PRESENT})`,
  'iu',
);
const SINGLE_DATE = new RegExp(`(?:^|[\\s(,|])(${DATE})(?=$|[\\s),|])`, 'iu');

const DEGREE =
  /\b(?:Ph\.?D|Doctor(?:ate)?|M\.?Sc|B\.?Sc|M\.?A|B\.?A|MBA|M\.?Eng|B\.?Eng|(?:Bachelor|Master)(?:'s)?(?: of (?:Science|Arts|Engineering|Business Administration|Laws|Fine Arts))?|Associate(?:'s)?|Diploma|Diplom|Licence|Licenciatura|Grado|Máster|Laurea|Magister|Abitur|Бакалавр|Магистр|Специалист)\b[^,|–—]*/iu;
const INSTITUTION =
  /\b(?:University|College|School|Institute|Academy|Polytechnic|Universit\p{L}*|Hochschule|Fachhochschule|École|Ecole|Escuela|Politecnico|Instituto|Uniwersytet|Университет|Институт)\b/iu;

interface Block {
  header: string[];
  bullets: string[];
  body: string[];
}

/**
 * Heuristic CV text → JSON Resume: contact details by pattern, sections by
 * their headings (several languages), entries by their date ranges.
 * Deterministic; a best effort meant as a draft the user reviews.
 */
export function parseCvText(text: string): ParsedResume {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
  const sections = splitSections(lines);
  const resume: ParsedResume = { basics: parseBasics(text, sections.get('header') ?? []) };

  const summary = sections.get('summary');
  if (summary?.length) resume.basics!.summary = summary.filter(Boolean).join(' ');
  const work = sections.get('work');
  if (work) resume.work = blocks(work).map(toWork);
  const education = sections.get('education');
  if (education) resume.education = blocks(education).map(toEducation);
  const skills = sections.get('skills');
  if (skills) resume.skills = parseSkills(skills);
  const languages = sections.get('languages');
  if (languages) resume.languages = listItems(languages).map(toLanguage);
  const projects = sections.get('projects');
  if (projects) resume.projects = blocks(projects).map(toProject);
  const certificates = sections.get('certificates');
  if (certificates) resume.certificates = certificates.filter(Boolean).map(toCertificate);
  const interests = sections.get('interests');
  if (interests) resume.interests = listItems(interests).map((name) => ({ name }));
  return prune(resume);
}

function headingOf(line: string): HeadingSection | undefined {
  return line.length > 45 ? undefined : headingSection(line);
}

function splitSections(lines: string[]): Map<HeadingSection | 'header', string[]> {
  const sections = new Map<HeadingSection | 'header', string[]>([['header', []]]);
  let current: HeadingSection | 'header' = 'header';
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading) {
      current = heading;
      if (!sections.has(current)) sections.set(current, []);
      continue;
    }
    sections.get(current)!.push(line);
  }
  return sections;
}

function parseBasics(text: string, header: string[]): NonNullable<ParsedResume['basics']> {
  const basics: NonNullable<ParsedResume['basics']> = {};
  const email = EMAIL.exec(text)?.[0];
  if (email) basics.email = email;
  const urls = [...text.matchAll(ALL_URLS)].map((m) => m[0].replace(/[.]+$/, ''));
  const phone = header
    .map((line) => line.replace(ALL_URLS, ' ').replace(EMAIL, ' '))
    .map((line) => PHONE.exec(line)?.[0])
    .find((candidate) => candidate && candidate.replace(/\D/g, '').length >= 7);
  if (phone) basics.phone = phone.trim();

  const profiles: NonNullable<NonNullable<ParsedResume['basics']>['profiles']> = [];
  for (const raw of urls) {
    const url = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    const network = networkOf(url);
    if (network) {
      const username = new URL(url).pathname.split('/').filter(Boolean).at(-1);
      profiles.push({ network, ...(username ? { username } : {}), url });
    } else if (!basics.url) basics.url = url;
  }
  if (profiles.length) basics.profiles = profiles;

  const plain = header.filter(
    (line) => line && !EMAIL.test(line) && !ANY_URL.test(line) && !isPhoneLine(line),
  );
  const name = plain.find((line) => line.split(' ').length <= 5 && !/\d/.test(line));
  if (name) basics.name = name.replace(/\s*[|·,].*$/, '');
  const rest = plain.slice(plain.indexOf(name ?? '') + 1);
  const label = rest.find((line) => line.length <= 80 && !/\d/.test(line) && !line.includes(','));
  if (label) basics.label = label;
  const place = rest.find((line) => /^[\p{Lu}][\p{L} .'-]+,\s*[\p{Lu}][\p{L} .'-]+$/u.test(line));
  if (place) {
    const [city, region] = place.split(/,\s*/);
    basics.location = { city, ...(region.length === 2 ? { countryCode: region } : { region }) };
  }
  return basics;
}

function isPhoneLine(line: string): boolean {
  const match = PHONE.exec(line);
  return Boolean(
    match && match[0].replace(/\D/g, '').length >= 7 && match[0].length > line.length / 2,
  );
}

function networkOf(url: string): string | undefined {
  const host = new URL(url).hostname.replace(/^www\./, '');
  const networks: Record<string, string> = {
    'linkedin.com': 'LinkedIn',
    'github.com': 'GitHub',
    'gitlab.com': 'GitLab',
    'x.com': 'X',
    'twitter.com': 'X',
    'behance.net': 'Behance',
    'dribbble.com': 'Dribbble',
  };
  return networks[host];
}

/**
 * Groups a section's lines into entries. A line that carries a date range, or
 * sits right above one, starts a new entry once the current one has content;
 * bullets are highlights; other lines wrap the previous bullet or form a summary.
 */
function blocks(lines: string[]): Block[] {
  const result: Block[] = [];
  let current: Block | undefined;
  const hasContent = (b: Block) => b.bullets.length > 0 || b.body.length > 0;
  lines.forEach((line, index) => {
    if (!line) return;
    const bullet = BULLET.test(line);
    const dated = DATE_RANGE.test(line) || DATE_RANGE.test(lines[index + 1] ?? '');
    if (!bullet && (!current || (dated && (hasContent(current) || hasDates(current))))) {
      current = { header: [line], bullets: [], body: [] };
      result.push(current);
      return;
    }
    if (bullet) current!.bullets.push(line.replace(BULLET, ''));
    else if (current!.bullets.length > 0 && !/[.!?]$/.test(current!.bullets.at(-1)!)) {
      current!.bullets[current!.bullets.length - 1] += ` ${line}`;
    } else if (!hasContent(current!) && current!.header.length < 3 && !hasDates(current!)) {
      current!.header.push(line);
    } else if (!hasContent(current!) && current!.header.length < 3 && DATE_RANGE.test(line)) {
      current!.header.push(line);
    } else current!.body.push(line);
  });
  return result;
}

function hasDates(block: Block): boolean {
  return block.header.some((line) => DATE_RANGE.test(line));
}

/** The block's date range and its header texts with the dates taken out. */
function headerParts(block: Block): { startDate?: string; endDate?: string; parts: string[] } {
  let startDate: string | undefined;
  let endDate: string | undefined;
  const parts: string[] = [];
  for (const line of block.header) {
    const range = DATE_RANGE.exec(line);
    let rest = line;
    if (range && !startDate) {
      startDate = toIsoDate(range[1]);
      endDate = new RegExp(`^(?:${PRESENT})$`, 'iu').test(range[2])
        ? undefined
        : toIsoDate(range[2]);
      rest = line.replace(range[0], ' ');
    }
    parts.push(
      ...rest
        .split(/\s+(?:[|–—]|-|·)\s+|\s+at\s+|\s+@\s+|,\s+(?=\p{Lu})/u)
        .map((part) => part.replace(/^[\s,|()–—-]+|[\s,|()–—-]+$/g, ''))
        .filter(Boolean),
    );
  }
  return { startDate, endDate, parts };
}

function toWork(block: Block): NonNullable<ParsedResume['work']>[number] {
  const { startDate, endDate, parts } = headerParts(block);
  return {
    position: parts[0],
    name: parts[1],
    location: parts[2],
    startDate,
    endDate,
    summary: block.body.join(' ') || undefined,
    highlights: block.bullets.length ? block.bullets : undefined,
  };
}

function toEducation(block: Block): NonNullable<ParsedResume['education']>[number] {
  const { startDate, endDate, parts } = headerParts(block);
  const all = [...parts, ...block.body, ...block.bullets];
  const institution = all.find((part) => INSTITUTION.test(part)) ?? parts[0];
  const degreeText = all.find((part) => part !== institution && DEGREE.test(part));
  let studyType: string | undefined;
  let area: string | undefined;
  if (degreeText) {
    const degree = DEGREE.exec(degreeText)![0].trim();
    const split = /^(.*?)\s+(?:in|en|in der|im|di|em|по)\s+(.+)$/iu.exec(degree);
    studyType = split ? split[1] : degree;
    area = split ? split[2] : undefined;
  } else {
    area = all.find((part) => part !== institution);
  }
  return { institution, studyType, area, startDate, endDate };
}

function toProject(block: Block): NonNullable<ParsedResume['projects']>[number] {
  const { startDate, endDate, parts } = headerParts(block);
  const url = [...block.header, ...block.body].join(' ').match(ANY_URL)?.[0];
  return {
    name: parts[0]?.replace(ALL_URLS, '').trim() || undefined,
    description: block.body.filter((line) => !ANY_URL.test(line)).join(' ') || parts[1],
    url,
    startDate,
    endDate,
    highlights: block.bullets.length ? block.bullets : undefined,
  };
}

function parseSkills(lines: string[]): NonNullable<ParsedResume['skills']> {
  const skills: NonNullable<ParsedResume['skills']> = [];
  for (const raw of lines) {
    const line = raw.replace(BULLET, '');
    if (!line) continue;
    const grouped = /^([^:]{2,40}):\s*(.+)$/.exec(line);
    if (grouped) {
      skills.push({ name: grouped[1].trim(), keywords: splitList(grouped[2]) });
    } else {
      skills.push(...splitList(line).map((name) => ({ name })));
    }
  }
  return skills;
}

function listItems(lines: string[]): string[] {
  return lines.flatMap((line) => splitList(line.replace(BULLET, '')));
}

function splitList(text: string): string[] {
  return text
    .split(/\s*[,;•·|]\s*|\s{2,}/u)
    .map((item) => item.trim())
    .filter(Boolean);
}

function toLanguage(item: string): { language: string; fluency?: string } {
  const match = /^(.+?)\s*(?:\((.+)\)|[:–—-]\s*(.+))$/u.exec(item);
  if (!match) return { language: item };
  return { language: match[1].trim(), fluency: (match[2] ?? match[3]).trim() };
}

function toCertificate(line: string): { name: string; date?: string; issuer?: string } {
  const clean = line.replace(BULLET, '');
  const single = SINGLE_DATE.exec(clean);
  const date = single ? toIsoDate(single[1]) : undefined;
  const rest = (single ? clean.replace(single[1], '') : clean).replace(/\(\s*\)/g, '').trim();
  const [name, issuer] = rest.split(/\s+[–—-]\s+|,\s+|\s+\|\s+/);
  return {
    name: name.replace(/[\s,–—-]+$/, ''),
    ...(issuer ? { issuer: issuer.replace(/[\s,–—-]+$/, '') } : {}),
    ...(date ? { date } : {}),
  };
}

/** `March 2021`, `03/2021`, `2021-03`, `2021` → `2021-03` / `2021`. */
export function toIsoDate(text: string): string | undefined {
  const clean = normalizeTerm(text.trim());
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(clean);
  if (yearFirst) return `${yearFirst[1]}-${yearFirst[2].padStart(2, '0')}`;
  const monthFirst = /^(\d{1,2})[./](\d{4})$/.exec(clean);
  if (monthFirst) return `${monthFirst[2]}-${monthFirst[1].padStart(2, '0')}`;
  const named = /^(\p{L}+)\.?\s+(\d{4})$/u.exec(clean);
  if (named) {
    const month = MONTHS[named[1]] ?? MONTHS[named[1].slice(0, 3)];
    return month ? `${named[2]}-${String(month).padStart(2, '0')}` : named[2];
  }
  const year = /(\d{4})/.exec(clean);
  return year?.[1];
}
