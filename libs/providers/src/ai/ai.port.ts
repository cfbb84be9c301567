import { Problem, STATUS_TITLES } from '@lib/problems';

/**
 * The AI writing port. Inputs are plain structural types: the CV module adapts
 * its JSON Resume documents to them (libs never import the application).
 */
export interface AiWriter {
  readonly provider: AiProviderName;
  enhanceSection(input: EnhanceSectionInput): Promise<EnhanceSectionResult>;
  suggestSkills(input: SuggestSkillsInput): Promise<SuggestSkillsResult>;
  writeCoverLetter(input: CoverLetterInput): Promise<CoverLetterResult>;
  parseCvText(text: string, options?: { language?: string }): Promise<ParseCvTextResult>;
}

export const AI_WRITER = Symbol('AI_WRITER');

export type AiProviderName = 'openai' | 'local';
export type AiOperation = 'enhance' | 'skills' | 'coverLetter' | 'parse';

export const AI_TONES = ['professional', 'confident', 'friendly', 'formal', 'concise'] as const;
export type AiTone = (typeof AI_TONES)[number];

export interface AiUsage {
  promptTokens: number;
  completionTokens: number;
}

/** Carried by every result: who answered, with which model, and what it cost. */
export interface AiResultMeta {
  provider: AiProviderName;
  model: string;
  usage: AiUsage;
}

/**
 * One entry of a CV section. Either `text` (a single paragraph) or `fields`:
 * the item's prose fields by name, a list field as an array (e.g. `highlights`).
 */
export interface SectionItem {
  id?: string;
  text?: string;
  fields?: Record<string, string | string[] | undefined>;
}

export interface EnhanceSectionInput {
  /** JSON Resume section name, e.g. `work`, `projects`, `basics`. */
  section: string;
  items: SectionItem[];
  tone?: AiTone;
  /** BCP 47 tag of the CV's language; answers stay in it. Default `en`. */
  language?: string;
}

/**
 * A proposed rewrite of one text. `field` is a path relative to the item:
 * `text`, a field name (`summary`), or a list entry (`highlights/2`).
 * `original` is always the caller's text. `suggested` equals `original` when the
 * only finding is advice the writer cannot act on (e.g. add a measurable result).
 */
export interface Suggestion {
  itemId?: string;
  field: string;
  original: string;
  suggested: string;
  reasons: string[];
}

export type EnhanceSectionResult = AiResultMeta & { suggestions: Suggestion[] };

export interface SuggestSkillsInput {
  jobTitle?: string;
  cvText?: string;
  existingSkills: string[];
  /** At most this many skills (default 10). */
  limit?: number;
}

export interface SuggestedSkill {
  name: string;
  category?: string;
  reason?: string;
}

export type SuggestSkillsResult = AiResultMeta & { skills: SuggestedSkill[] };

export interface CoverLetterExperience {
  role?: string;
  organization?: string;
  highlights: string[];
}

export interface CoverLetterInput {
  applicantName: string;
  /** The CV's headline (JSON Resume `basics.label`). */
  headline?: string;
  summary?: string;
  experience: CoverLetterExperience[];
  skills: string[];
  jobDescription: string;
  jobTitle?: string;
  company?: string;
  tone: AiTone;
  language?: string;
}

/** `body` is plain text: paragraphs separated by a blank line, greeting and sign-off included. */
export type CoverLetterResult = AiResultMeta & { subject?: string; body: string };

type Dated = { startDate?: string; endDate?: string };

/** The part of a JSON Resume document that CV text parsing fills in. */
export interface ParsedResume {
  basics?: {
    name?: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { city?: string; region?: string; countryCode?: string };
    profiles?: { network?: string; username?: string; url?: string }[];
  };
  work?: (Dated & {
    name?: string;
    position?: string;
    location?: string;
    summary?: string;
    highlights?: string[];
  })[];
  education?: (Dated & { institution?: string; area?: string; studyType?: string })[];
  skills?: { name: string; keywords?: string[] }[];
  languages?: { language: string; fluency?: string }[];
  projects?: (Dated & {
    name?: string;
    description?: string;
    url?: string;
    highlights?: string[];
  })[];
  certificates?: { name: string; date?: string; issuer?: string }[];
  interests?: { name: string }[];
}

export type ParseCvTextResult = AiResultMeta & { resume: ParsedResume };

/**
 * The provider could not answer (rate limited, down, timed out, misconfigured,
 * or kept answering garbage) after bounded retries. A 503 `ai.unavailable`
 * problem; `retryAfter` (seconds) is set when the provider said when to return.
 */
export class AiUnavailableError extends Problem {
  /** `reason` is for logs only: what went wrong upstream, never prompts or keys. */
  constructor(
    readonly reason: string,
    options: { retryAfter?: number } = {},
  ) {
    super(
      503,
      'ai.unavailable',
      STATUS_TITLES[503],
      'The AI writer is unavailable right now; try again later.',
      options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {},
    );
    this.name = 'AiUnavailableError';
  }
}

/** The model declined to answer (safety refusal or content filter): retrying will not help. */
export class AiRefusalError extends Problem {
  constructor() {
    super(422, 'ai.refused', STATUS_TITLES[422], 'The AI writer declined this request.');
    this.name = 'AiRefusalError';
  }
}
