import {
  keywordCoverage,
  mentions,
  normalizeTerm,
  resumeForAi,
  type ResumeDocument,
} from '../../cv';

export interface JobMatch {
  /** 0–100: the job's skills the CV has (60 %) and its keywords the CV mentions (40 %). */
  score: number;
  matchedSkills: string[];
  missingSkills: string[];
  matchedKeywords: string[];
  missingKeywords: string[];
}

export interface MatchableJob {
  title: string;
  descriptionText: string;
  tags: string[];
}

const SKILL_WEIGHT = 0.6;

function uniqueTerms(terms: string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = normalizeTerm(term.trim());
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Deterministic CV ↔ job match. The job's skills are its tags plus every skill of the CV the
 * ad names; a skill is matched when the CV's text mentions it. Keywords are the ad's most
 * frequent terms (the ATS check's coverage). Without skills on either side, keywords decide.
 */
export function matchJob(job: MatchableJob, document: ResumeDocument): JobMatch {
  const resume = resumeForAi(document);
  const jobText = `${job.title}\n${job.descriptionText}`;
  const skills = uniqueTerms([
    ...job.tags,
    ...resume.skills.filter((skill) => mentions(jobText, skill)),
  ]);
  const matchedSkills = skills.filter((skill) => mentions(resume.text, skill));
  const missingSkills = skills.filter((skill) => !matchedSkills.includes(skill));
  const keywords = keywordCoverage(jobText, document, resume.text);
  const keywordTotal = keywords.matched.length + keywords.missing.length;
  const keywordShare = keywordTotal ? keywords.matched.length / keywordTotal : 0;
  const share = skills.length
    ? SKILL_WEIGHT * (matchedSkills.length / skills.length) + (1 - SKILL_WEIGHT) * keywordShare
    : keywordShare;
  return {
    score: Math.round(share * 100),
    matchedSkills,
    missingSkills,
    matchedKeywords: keywords.matched,
    missingKeywords: keywords.missing,
  };
}
