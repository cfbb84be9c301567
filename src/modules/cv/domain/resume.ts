/**
 * A JSON Resume document (https://jsonresume.org/schema). Every object keeps
 * properties it does not know about: imports must round-trip losslessly.
 */
type Open<T> = T & { [unknownProperty: string]: unknown };

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type ResumeDate = string;

export type ResumeLocation = Open<{
  address?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
  region?: string;
}>;

export type ResumeProfile = Open<{ network?: string; username?: string; url?: string }>;

export type ResumeBasics = Open<{
  name?: string;
  label?: string;
  image?: string;
  email?: string;
  phone?: string;
  url?: string;
  summary?: string;
  location?: ResumeLocation;
  profiles?: ResumeProfile[];
}>;

type Dated = { startDate?: ResumeDate; endDate?: ResumeDate };

export type ResumeWork = Open<
  Dated & {
    name?: string;
    location?: string;
    description?: string;
    position?: string;
    url?: string;
    summary?: string;
    highlights?: string[];
  }
>;

export type ResumeVolunteer = Open<
  Dated & {
    organization?: string;
    position?: string;
    url?: string;
    summary?: string;
    highlights?: string[];
  }
>;

export type ResumeEducation = Open<
  Dated & {
    institution?: string;
    url?: string;
    area?: string;
    studyType?: string;
    score?: string;
    courses?: string[];
  }
>;

export type ResumeAward = Open<{
  title?: string;
  date?: ResumeDate;
  awarder?: string;
  summary?: string;
}>;
export type ResumeCertificate = Open<{
  name?: string;
  date?: ResumeDate;
  url?: string;
  issuer?: string;
}>;
export type ResumePublication = Open<{
  name?: string;
  publisher?: string;
  releaseDate?: ResumeDate;
  url?: string;
  summary?: string;
}>;
export type ResumeSkill = Open<{ name?: string; level?: string; keywords?: string[] }>;
export type ResumeLanguage = Open<{ language?: string; fluency?: string }>;
export type ResumeInterest = Open<{ name?: string; keywords?: string[] }>;
export type ResumeReference = Open<{ name?: string; reference?: string }>;
export type ResumeProject = Open<
  Dated & {
    name?: string;
    description?: string;
    highlights?: string[];
    keywords?: string[];
    url?: string;
    roles?: string[];
    entity?: string;
    type?: string;
  }
>;
export type ResumeMeta = Open<{ canonical?: string; version?: string; lastModified?: string }>;

export type ResumeDocument = Open<{
  $schema?: string;
  basics?: ResumeBasics;
  work?: ResumeWork[];
  volunteer?: ResumeVolunteer[];
  education?: ResumeEducation[];
  awards?: ResumeAward[];
  certificates?: ResumeCertificate[];
  publications?: ResumePublication[];
  skills?: ResumeSkill[];
  languages?: ResumeLanguage[];
  interests?: ResumeInterest[];
  references?: ResumeReference[];
  projects?: ResumeProject[];
  meta?: ResumeMeta;
}>;

/** The list sections of a JSON Resume document, in the default reading order. */
export const RESUME_SECTIONS = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
] as const;
export type ResumeSection = (typeof RESUME_SECTIONS)[number];

export const CV_TEMPLATES = [
  'modern',
  'classic',
  'creative',
  'executive',
  'minimal',
  'tech',
] as const;
export type CvTemplate = (typeof CV_TEMPLATES)[number];

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** How a CV is laid out; stored beside the JSON Resume document, never inside it. */
export interface CvLayout {
  template: CvTemplate;
  pageSize: PageSize;
  theme: { accentColor: string; font: string };
  /** Sections in the order they are rendered; sections not listed follow in default order. */
  sectionOrder: ResumeSection[];
  hiddenSections: ResumeSection[];
  /** BCP 47 language tag of the CV's content (sets `lang` and text direction). */
  language: string;
}

export const DEFAULT_CV_LAYOUT: CvLayout = {
  template: 'modern',
  pageSize: 'A4',
  theme: { accentColor: '#1f4e79', font: 'Noto Sans' },
  sectionOrder: [...RESUME_SECTIONS],
  hiddenSections: [],
  language: 'en',
};
