import {
  RESUME_SECTIONS,
  type CvLayout,
  type ResumeDocument,
  type ResumeSection,
} from '../domain/resume';
import { formatDateRange, formatResumeDate } from './dates';
import { cvWords, type CvWords } from '../text/headings';

/** One entry of a section, in the shape every template renders. */
export interface CvItem {
  title?: string;
  subtitle?: string;
  dates?: string;
  location?: string;
  url?: string;
  /** `url` when it is a plain web link (rendered clickable); otherwise the URL stays text. */
  href?: string;
  /** Paragraphs (description, summary, reference text). */
  lines: string[];
  bullets: string[];
  tags: string[];
}

export interface CvSectionView {
  key: ResumeSection;
  heading: string;
  /** Short one-line entries (skills, languages, interests) rather than dated blocks. */
  compact: boolean;
  items: CvItem[];
}

export interface CvContact {
  kind: 'email' | 'phone' | 'url' | 'location' | 'profile';
  text: string;
  href?: string;
}

export interface CvView {
  name: string;
  label?: string;
  summary?: string;
  /** A `data:` image only; remote images are never rendered. */
  image?: string;
  contacts: CvContact[];
  sections: CvSectionView[];
  /** Headings and fixed words in the CV's language. */
  words: CvWords;
}

const COMPACT = new Set<ResumeSection>(['skills', 'languages', 'interests']);

/** Sections in layout order (unlisted ones follow in default order), without hidden ones. */
export function orderedSections(
  layout: Pick<CvLayout, 'sectionOrder' | 'hiddenSections'>,
): ResumeSection[] {
  const hidden = new Set(layout.hiddenSections);
  const order = [...new Set([...layout.sectionOrder, ...RESUME_SECTIONS])];
  return order.filter((key) => RESUME_SECTIONS.includes(key) && !hidden.has(key));
}

/** Turns a JSON Resume document into what templates render: text only, nothing trusted. */
export function buildCvView(document: ResumeDocument, layout: CvLayout, language: string): CvView {
  const basics = document.basics ?? {};
  const words = cvWords(language);
  const sections = orderedSections(layout)
    .map((key): CvSectionView => {
      const items = sectionItems(document, key, language).filter(hasContent);
      return { key, heading: words[key], compact: COMPACT.has(key), items };
    })
    .filter((section) => section.items.length > 0);
  return {
    name: text(basics.name) ?? '',
    label: text(basics.label),
    summary: text(basics.summary),
    image: dataImage(basics.image),
    contacts: contacts(document),
    sections,
    words,
  };
}

function sectionItems(doc: ResumeDocument, key: ResumeSection, language: string): CvItem[] {
  const range = (start?: string, end?: string) => formatDateRange(start, end, language);
  const date = (value?: string) => (text(value) ? formatResumeDate(value!, language) : undefined);
  switch (key) {
    case 'work':
      return list(doc.work).map((w) =>
        item({
          title: w.position,
          subtitle: w.name,
          dates: range(w.startDate, w.endDate),
          location: w.location,
          url: w.url,
          lines: [w.description, w.summary],
          bullets: w.highlights,
        }),
      );
    case 'volunteer':
      return list(doc.volunteer).map((v) =>
        item({
          title: v.position,
          subtitle: v.organization,
          dates: range(v.startDate, v.endDate),
          url: v.url,
          lines: [v.summary],
          bullets: v.highlights,
        }),
      );
    case 'education':
      return list(doc.education).map((e) =>
        item({
          title: [e.studyType, e.area].filter((s) => text(s)).join(', '),
          subtitle: e.institution,
          dates: range(e.startDate, e.endDate),
          url: e.url,
          lines: [text(e.score) ? `Score: ${e.score}` : undefined],
          bullets: e.courses,
        }),
      );
    case 'awards':
      return list(doc.awards).map((a) =>
        item({ title: a.title, subtitle: a.awarder, dates: date(a.date), lines: [a.summary] }),
      );
    case 'certificates':
      return list(doc.certificates).map((c) =>
        item({ title: c.name, subtitle: c.issuer, dates: date(c.date), url: c.url }),
      );
    case 'publications':
      return list(doc.publications).map((p) =>
        item({
          title: p.name,
          subtitle: p.publisher,
          dates: date(p.releaseDate),
          url: p.url,
          lines: [p.summary],
        }),
      );
    case 'skills':
      return list(doc.skills).map((s) =>
        item({ title: s.name, subtitle: s.level, tags: s.keywords }),
      );
    case 'languages':
      return list(doc.languages).map((l) => item({ title: l.language, subtitle: l.fluency }));
    case 'interests':
      return list(doc.interests).map((i) => item({ title: i.name, tags: i.keywords }));
    case 'references':
      return list(doc.references).map((r) => item({ title: r.name, lines: [r.reference] }));
    case 'projects':
      return list(doc.projects).map((p) =>
        item({
          title: p.name,
          subtitle: [p.entity, ...strings(p.roles)].filter((s) => text(s)).join(' · '),
          dates: range(p.startDate, p.endDate),
          url: p.url,
          lines: [p.description],
          bullets: p.highlights,
          tags: p.keywords,
        }),
      );
  }
}

interface ItemInput {
  title?: unknown;
  subtitle?: unknown;
  dates?: string;
  location?: unknown;
  url?: unknown;
  lines?: unknown[];
  bullets?: unknown;
  tags?: unknown;
}

function item(input: ItemInput): CvItem {
  return {
    title: text(input.title),
    subtitle: text(input.subtitle),
    dates: input.dates,
    location: text(input.location),
    url: text(input.url),
    href: webUrl(input.url),
    lines: (input.lines ?? []).flatMap((line) => text(line) ?? []),
    bullets: strings(input.bullets),
    tags: strings(input.tags),
  };
}

function hasContent(entry: CvItem): boolean {
  return Boolean(
    entry.title ||
    entry.subtitle ||
    entry.dates ||
    entry.lines.length ||
    entry.bullets.length ||
    entry.tags.length,
  );
}

function contacts(doc: ResumeDocument): CvContact[] {
  const basics = doc.basics ?? {};
  const out: CvContact[] = [];
  const email = text(basics.email);
  if (email) out.push({ kind: 'email', text: email, href: `mailto:${email}` });
  const phone = text(basics.phone);
  if (phone) out.push({ kind: 'phone', text: phone });
  const location = basics.location ?? {};
  const place = [location.address, location.city, location.region, location.countryCode]
    .flatMap((part) => text(part) ?? [])
    .join(', ');
  if (place) out.push({ kind: 'location', text: place });
  const url = text(basics.url);
  if (url) out.push({ kind: 'url', text: url, href: webUrl(url) });
  for (const profile of list(basics.profiles)) {
    const shown = text(profile.url) ?? text(profile.username);
    if (!shown) continue;
    const network = text(profile.network);
    out.push({
      kind: 'profile',
      text: network ? `${network}: ${shown}` : shown,
      href: webUrl(profile.url),
    });
  }
  return out;
}

/** Only plain web links become clickable; anything else (javascript:, file:) stays text. */
export function webUrl(value: unknown): string | undefined {
  const url = text(value);
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/;

function dataImage(value: unknown): string | undefined {
  const image = text(value);
  return image && DATA_IMAGE.test(image) ? image : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((v) => text(v) ?? []) : [];
}

function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value.filter((v) => v !== null && typeof v === 'object') : [];
}
