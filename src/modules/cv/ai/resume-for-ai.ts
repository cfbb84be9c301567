import type { CoverLetterExperience } from './writer/ai-writer.port';
import type { ResumeDocument } from '../domain/resume';

/** What the AI writer is told about a CV's owner: the parts a cover letter or skill list builds on. */
export interface ResumeForAi {
  applicantName: string;
  headline?: string;
  summary?: string;
  experience: CoverLetterExperience[];
  skills: string[];
  /** The CV's prose as plain text, for skill suggestions. */
  text: string;
}

const strings = (values: unknown): string[] =>
  Array.isArray(values)
    ? values.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export function resumeForAi(document: ResumeDocument): ResumeForAi {
  const basics = document.basics ?? {};
  const experience = (Array.isArray(document.work) ? document.work : []).map((work) => ({
    ...(text(work.position) ? { role: work.position } : {}),
    ...(text(work.name) ? { organization: work.name } : {}),
    highlights: [...(text(work.summary) ? [work.summary!] : []), ...strings(work.highlights)],
  }));
  const skills = (Array.isArray(document.skills) ? document.skills : []).flatMap((skill) => [
    ...(text(skill.name) ? [skill.name!] : []),
    ...strings(skill.keywords),
  ]);
  const projects = (Array.isArray(document.projects) ? document.projects : []).flatMap(
    (project) => [project.name, project.description, ...strings(project.highlights)],
  );
  const lines = [
    basics.label,
    basics.summary,
    ...experience.flatMap((e) => [e.role, e.organization, ...e.highlights]),
    ...projects,
    ...skills,
  ].filter((line): line is string => typeof line === 'string' && line.trim() !== '');
  return {
    applicantName: text(basics.name) ?? '',
    ...(text(basics.label) ? { headline: basics.label } : {}),
    ...(text(basics.summary) ? { summary: basics.summary } : {}),
    experience,
    skills,
    text: lines.join('\n'),
  };
}
