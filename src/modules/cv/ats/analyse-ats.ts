import { RESUME_SECTIONS, type CvLayout, type ResumeDocument } from '../domain/resume';
import { monthIndex, parseResumeDate, type ResumeDateParts } from '../rendering/dates';
import { orderedSections } from '../rendering/cv-view';
import { headingSection } from '../text/headings';
import { containsWord, isNoise, tokens } from '../text/keywords';

export type AtsCheck = 'sections' | 'contact' | 'reading_order' | 'dates' | 'length' | 'keywords';

export interface AtsFinding {
  check: AtsCheck;
  passed: boolean;
  /** `info` findings are worth knowing but cost no points (e.g. overlapping jobs). */
  severity: 'info' | 'warning' | 'error';
  detail: string;
}

export interface AtsReport {
  score: number;
  findings: AtsFinding[];
  keywords: { matched: string[]; missing: string[] };
}

export interface AtsInput {
  /** Text extracted back from the rendered PDF: what an ATS parser sees. */
  pdfText: string;
  document: ResumeDocument;
  /** Hidden sections are not expected in the text. */
  layout?: Pick<CvLayout, 'sectionOrder' | 'hiddenSections'> & Partial<Pick<CvLayout, 'language'>>;
  pages?: number;
  jobDescription?: string;
}

/** Points per check; checks that do not apply (no job description) are left out of the total. */
const WEIGHTS: Record<AtsCheck, number> = {
  sections: 20,
  contact: 15,
  reading_order: 20,
  dates: 15,
  length: 10,
  keywords: 20,
};

const MAX_KEYWORDS = 30;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?:\+?\d[\d\s().-]{6,}\d)/;

/** Unicode compatibility forms (CJK radicals, Arabic presentation forms) fold back to letters. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Scores how well an ATS parser can read a CV from the text of its PDF:
 * recognised section headings, contact details, reading order, dates, length
 * and, given a job description, keyword coverage.
 */
export function analyseAts(input: AtsInput): AtsReport {
  const text = normaliseText(input.pdfText);
  const keywords = input.jobDescription?.trim()
    ? keywordCoverage(input.jobDescription, input.document, text)
    : null;
  const results: Array<{ check: AtsCheck; fraction: number; findings: AtsFinding[] }> = [
    sectionsCheck(input),
    contactCheck(text),
    readingOrderCheck(input.layout?.hiddenSections.includes('work') ? {} : input.document, text),
    datesCheck(input.document),
    lengthCheck(text, input.pages),
  ];
  if (keywords) results.push(keywordsCheck(keywords));
  const total = results.reduce((sum, r) => sum + WEIGHTS[r.check], 0);
  const earned = results.reduce((sum, r) => sum + WEIGHTS[r.check] * r.fraction, 0);
  return {
    score: Math.round((earned / total) * 100),
    findings: results.flatMap((r) => r.findings),
    keywords: keywords ?? { matched: [], missing: [] },
  };
}

function finding(
  check: AtsCheck,
  passed: boolean,
  detail: string,
  severity: AtsFinding['severity'] = passed ? 'info' : 'warning',
): AtsFinding {
  return { check, passed, severity, detail };
}

function sectionsCheck({ pdfText, document, layout }: AtsInput) {
  const visible = layout ? orderedSections(layout) : [...RESUME_SECTIONS];
  const expected = visible.filter((key) => {
    const value = document[key];
    return Array.isArray(value) && value.length > 0;
  });
  const headings = pdfText
    .split('\n')
    .map((line) => normaliseText(line))
    .filter((line) => line.length > 0 && line.split(' ').length <= 4);
  // Any heading the app knows counts, in any of its languages; "Skills: Python" is one too.
  const found = expected.filter((key) =>
    headings.some((line) => headingSection(line.split(/[:：]/)[0]) === key),
  );
  const missing = expected.filter((key) => !found.includes(key));
  const fraction = expected.length === 0 ? 0 : found.length / expected.length;
  const findings =
    expected.length === 0
      ? [finding('sections', false, 'The CV has no sections (work, education, skills…)', 'error')]
      : [
          finding(
            'sections',
            missing.length === 0,
            missing.length === 0
              ? `All ${found.length} sections have headings a parser recognises`
              : `No recognisable heading for: ${missing.join(', ')}`,
          ),
        ];
  return { check: 'sections' as const, fraction, findings };
}

function contactCheck(text: string) {
  const email = EMAIL.test(text);
  const phone = PHONE.test(text);
  const findings = [
    finding(
      'contact',
      email,
      email ? 'Email address found' : 'No email address in the text',
      email ? 'info' : 'error',
    ),
    finding('contact', phone, phone ? 'Phone number found' : 'No phone number in the text'),
  ];
  return { check: 'contact' as const, fraction: (Number(email) * 2 + Number(phone)) / 3, findings };
}

function readingOrderCheck(document: ResumeDocument, text: string) {
  const anchors = (document.work ?? [])
    .map((work) => (work.position ?? work.name ?? '').trim())
    .filter(Boolean)
    .map(normaliseText);
  if (anchors.length === 0) {
    return {
      check: 'reading_order' as const,
      fraction: 1,
      findings: [finding('reading_order', true, 'No visible work entries to check')],
    };
  }
  let cursor = 0;
  let inOrder = 0;
  const problems: string[] = [];
  for (const anchor of anchors) {
    const next = text.indexOf(anchor, cursor);
    if (next >= 0) {
      inOrder++;
      cursor = next + anchor.length;
    } else {
      problems.push(text.includes(anchor) ? `"${anchor}" out of order` : `"${anchor}" not found`);
    }
  }
  const passed = problems.length === 0;
  return {
    check: 'reading_order' as const,
    fraction: inOrder / anchors.length,
    findings: [
      finding(
        'reading_order',
        passed,
        passed
          ? `All ${anchors.length} work entries read in order`
          : `Work entries do not read in order: ${problems.join('; ')}`,
        passed ? 'info' : 'error',
      ),
    ],
  };
}

interface DatedEntry {
  label: string;
  start?: string;
  end?: string;
}

function datedEntries(document: ResumeDocument): DatedEntry[] {
  const entries: DatedEntry[] = [];
  const add = (section: string, list: unknown, name: (e: Record<string, unknown>) => unknown) => {
    const labelOf = (e: Record<string, unknown>) => {
      const value = name(e);
      return typeof value === 'string' && value.trim() ? value.trim() : '(untitled)';
    };
    if (!Array.isArray(list)) return;
    for (const e of list as Array<Record<string, unknown>>) {
      const start = typeof e.startDate === 'string' ? e.startDate : undefined;
      const end = typeof e.endDate === 'string' ? e.endDate : undefined;
      if (!start && !end) continue;
      entries.push({ label: `${section}: ${labelOf(e)}`, start, end });
    }
  };
  add('work', document.work, (e) => e.position ?? e.name);
  add('volunteer', document.volunteer, (e) => e.position ?? e.organization);
  add('education', document.education, (e) => e.institution);
  add('projects', document.projects, (e) => e.name);
  return entries;
}

function datesCheck(document: ResumeDocument) {
  const entries = datedEntries(document);
  const problems: string[] = [];
  const work: Array<{ label: string; from: number; to: number }> = [];
  for (const entry of entries) {
    const start = entry.start ? parseResumeDate(entry.start) : null;
    const end = entry.end ? parseResumeDate(entry.end) : null;
    if ((entry.start && !start) || (entry.end && !end)) {
      problems.push(`${entry.label} has a date that is not YYYY, YYYY-MM or YYYY-MM-DD`);
      continue;
    }
    if (start && end && monthIndex(start, 'start') > monthIndex(end, 'end')) {
      problems.push(`${entry.label} ends before it starts`);
      continue;
    }
    if (entry.label.startsWith('work:') && start) {
      work.push({ label: entry.label, from: monthIndex(start, 'start'), to: endMonth(end) });
    }
  }
  const findings: AtsFinding[] = [
    finding(
      'dates',
      problems.length === 0,
      problems.length === 0
        ? `${entries.length} dated entries are consistent`
        : problems.join('; '),
    ),
  ];
  work.sort((a, b) => a.from - b.from);
  for (let i = 1; i < work.length; i++) {
    if (work[i].from < work[i - 1].to) {
      findings.push(
        finding('dates', true, `${work[i - 1].label} and ${work[i].label} overlap`, 'info'),
      );
    }
  }
  const fraction = entries.length === 0 ? 1 : 1 - problems.length / entries.length;
  return { check: 'dates' as const, fraction, findings };
}

/** An open end (current job) runs to this month. */
function endMonth(end: ResumeDateParts | null): number {
  if (end) return monthIndex(end, 'end');
  const now = new Date();
  return now.getUTCFullYear() * 12 + now.getUTCMonth();
}

function lengthCheck(text: string, pages?: number) {
  const words = text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const findings: AtsFinding[] = [];
  let fraction = 1;
  if (words < 150) {
    fraction -= 0.5;
    findings.push(
      finding('length', false, `Only ${words} words: too little for a parser to work with`),
    );
  } else if (words > 1200) {
    fraction -= 0.3;
    findings.push(finding('length', false, `${words} words: recruiters skim; aim for under 1,000`));
  } else {
    findings.push(finding('length', true, `${words} words`));
  }
  if (pages !== undefined) {
    if (pages > 3) {
      fraction -= 0.5;
      findings.push(finding('length', false, `${pages} pages: keep a CV to one or two`));
    } else {
      findings.push(finding('length', pages <= 2, `${pages} page${pages === 1 ? '' : 's'}`));
      if (pages === 3) fraction -= 0.2;
    }
  }
  return { check: 'length' as const, fraction: Math.max(0, fraction), findings };
}

interface Coverage {
  matched: string[];
  missing: string[];
}

function keywordsCheck({ matched, missing }: Coverage) {
  const total = matched.length + missing.length;
  const fraction = total === 0 ? 1 : matched.length / total;
  const passed = fraction >= 0.6;
  return {
    check: 'keywords' as const,
    fraction,
    findings: [
      finding(
        'keywords',
        passed,
        total === 0
          ? 'The job description has no keywords to compare'
          : `${matched.length} of ${total} job keywords appear in the CV` +
              (missing.length > 0 ? `; missing: ${missing.slice(0, 10).join(', ')}` : ''),
      ),
    ],
  };
}

/** Multi-word skills the CV itself names ("machine learning", "ci cd") count as one keyword. */
function cvPhrases(document: ResumeDocument): string[] {
  const names = [
    ...(document.skills ?? []).flatMap((s) => [s.name, ...(s.keywords ?? [])]),
    ...(document.projects ?? []).flatMap((p) => p.keywords ?? []),
  ];
  return [
    ...new Set(
      names
        .filter((n): n is string => typeof n === 'string')
        .map(normaliseText)
        .filter((n) => n.includes(' ')),
    ),
  ];
}

/** The job's keywords (most frequent first), split into those the CV text has and lacks. */
export function keywordCoverage(
  jobDescription: string,
  document: ResumeDocument,
  cvText: string,
): Coverage {
  let job = normaliseText(jobDescription);
  const keywords: string[] = [];
  for (const phrase of cvPhrases(document)) {
    if (containsWord(job, phrase)) {
      keywords.push(phrase);
      job = job.split(phrase).join(' ');
    }
  }
  const counts = new Map<string, { count: number; first: number }>();
  tokens(job).forEach((token, index) => {
    const word = token.replace(/\.$/, '');
    if (isNoise(word)) return;
    const seen = counts.get(word);
    if (seen) seen.count++;
    else counts.set(word, { count: 1, first: index });
  });
  const singles = [...counts.entries()]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .map(([word]) => word);
  const all = [...keywords, ...singles].slice(0, MAX_KEYWORDS);
  const text = normaliseText(cvText);
  const matched = all.filter((k) => containsWord(text, k));
  return { matched, missing: all.filter((k) => !matched.includes(k)) };
}
