import type { AiTone, CoverLetterInput } from '../ai-writer.port';
import { extractKeywords, mentions } from '../../../text/keywords';

const GREETINGS: Record<AiTone, (company?: string) => string> = {
  professional: (company) => (company ? `Dear ${company} Hiring Team,` : 'Dear Hiring Manager,'),
  formal: () => 'Dear Sir or Madam,',
  friendly: (company) => (company ? `Hello ${company} team,` : 'Hello,'),
  confident: (company) => (company ? `Dear ${company} Hiring Team,` : 'Dear Hiring Manager,'),
  concise: () => 'Dear Hiring Manager,',
};

const SIGN_OFFS: Record<AiTone, string> = {
  professional: 'Kind regards,',
  formal: 'Yours faithfully,',
  friendly: 'Best wishes,',
  confident: 'Best regards,',
  concise: 'Regards,',
};

/**
 * A cover letter from a fixed template: the role, the most recent experience
 * and its best highlights, and the job description's top keywords that the CV
 * backs up. Deterministic for the same input.
 */
export function templateCoverLetter(input: CoverLetterInput): { subject: string; body: string } {
  const role = input.jobTitle?.trim() || 'the advertised position';
  const at = input.company ? ` at ${input.company}` : '';
  const cvText = [
    input.headline,
    input.summary,
    ...input.skills,
    ...input.experience.flatMap((e) => [e.role, e.organization, ...e.highlights]),
  ]
    .filter(Boolean)
    .join(' \n ');
  const keywords = extractKeywords(input.jobDescription, 12, [
    input.company ?? '',
    input.jobTitle ?? '',
  ]).map((k) => k.term);
  const backed = keywords.filter((term) => mentions(cvText, term)).slice(0, 4);
  const wanted = keywords.filter((term) => !backed.includes(term)).slice(0, 3);

  const paragraphs: string[] = [GREETINGS[input.tone](input.company)];
  const intro =
    input.tone === 'confident'
      ? 'I am excited to bring my experience to'
      : 'I am writing to apply for';
  const opening = `${intro} the ${role} role${at}.`;
  paragraphs.push(`${opening} ${introduction(input.headline, input.summary)}`);

  const latest = input.experience.find((e) => e.role || e.organization);
  if (latest) {
    const where = [
      latest.role && `as ${latest.role}`,
      latest.organization && `at ${latest.organization}`,
    ]
      .filter(Boolean)
      .join(' ');
    const highlights = latest.highlights.slice(0, 2).map(lowerFirst).map(stripPeriod);
    paragraphs.push(
      highlights.length > 0
        ? `In my most recent role ${where}, I ${highlights.join(', and ')}.`
        : `Most recently I worked ${where}.`,
    );
  }

  if (backed.length > 0) {
    paragraphs.push(
      `Your posting emphasises ${list(keywords.slice(0, 3))}. I bring hands-on experience with ${list(backed)}` +
        (wanted.length > 0 ? `, and I am keen to deepen my work with ${list(wanted)}.` : '.'),
    );
  } else if (keywords.length > 0) {
    paragraphs.push(
      `Your posting emphasises ${list(keywords.slice(0, 3))}, and I am eager to apply my skills${
        input.skills.length > 0 ? ` in ${list(input.skills.slice(0, 3))}` : ''
      } to these areas.`,
    );
  }

  if (input.tone !== 'concise') {
    paragraphs.push(
      `I would welcome the opportunity to discuss how I can contribute${input.company ? ` to ${input.company}` : ''}. Thank you for your time and consideration.`,
    );
  }
  paragraphs.push(`${SIGN_OFFS[input.tone]}\n${input.applicantName}`);

  const subject = `Application for ${input.jobTitle?.trim() || 'the advertised position'}${at} – ${input.applicantName}`;
  return { subject, body: paragraphs.join('\n\n') };
}

/** One sentence on who the applicant is, grammatical whatever the summary looks like. */
function introduction(headline?: string, summary?: string): string {
  const sentence = firstSentence(summary);
  if (sentence && /^I\b/.test(sentence)) return sentence;
  if (headline) {
    return `As ${withArticle(headline)}, I believe my background is a strong match for this role.`;
  }
  if (sentence) return `My background in brief: ${lowerFirst(sentence)}`;
  return 'I believe my background is a strong match for this role.';
}

function firstSentence(text?: string): string | undefined {
  const sentence = text?.trim().match(/^.+?[.!?](?=\s|$)/)?.[0] ?? text?.trim();
  return sentence || undefined;
}

function withArticle(headline: string): string {
  return /^[aeiou]/i.test(headline) ? `an ${headline}` : `a ${headline}`;
}

function lowerFirst(text: string): string {
  // Keep acronyms and proper nouns ("API", "AWS") as they are.
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function stripPeriod(text: string): string {
  return text.trim().replace(/[.;]+$/, '');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
