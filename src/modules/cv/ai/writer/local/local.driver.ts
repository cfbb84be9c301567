import type { AiResultMeta } from '@lib/providers';
import type {
  AiWriter,
  CoverLetterInput,
  CoverLetterResult,
  EnhanceSectionInput,
  EnhanceSectionResult,
  ParseCvTextResult,
  SuggestSkillsInput,
  SuggestSkillsResult,
  SuggestedSkill,
} from '../ai-writer.port';
import { normalizeTerm } from '../../../text/keywords';
import { fieldName, sectionTexts } from '../section-texts';
import { templateCoverLetter } from './cover-letter';
import { parseCvText } from './cv-text-parser';
import { strengthen } from './phrasing';
import { GENERAL_SKILLS, type TitleSkills } from './skills-by-title';
import { matchTitle, titleMentionedIn } from './title-match';

/** Sections whose texts report achievements, where a missing number is worth a hint. */
const ACHIEVEMENT_SECTIONS = new Set(['work', 'volunteer', 'projects']);
const ACHIEVEMENT_FIELDS = new Set(['text', 'summary', 'description', 'highlights']);

const META: AiResultMeta = {
  provider: 'local',
  model: 'rules-v1',
  usage: { promptTokens: 0, completionTokens: 0 },
};

/**
 * The default writer when no AI provider is configured: deterministic rules,
 * no network, labelled `provider: 'local'`. Same input, same output.
 */
export class LocalAiWriter implements AiWriter {
  readonly provider = 'local' as const;

  enhanceSection(input: EnhanceSectionInput): Promise<EnhanceSectionResult> {
    const english = !input.language || /^en\b/i.test(input.language);
    const suggestions = sectionTexts(input.items).flatMap(({ itemId, field, text }) => {
      const flagNumbers =
        ACHIEVEMENT_SECTIONS.has(input.section) && ACHIEVEMENT_FIELDS.has(fieldName(field));
      const rewrite = strengthen(text, { english, flagNumbers });
      if (rewrite.reasons.length === 0) return [];
      return [
        {
          ...(itemId !== undefined ? { itemId } : {}),
          field,
          original: text,
          suggested: rewrite.text,
          reasons: rewrite.reasons,
        },
      ];
    });
    return Promise.resolve({ ...meta(), suggestions });
  }

  suggestSkills(input: SuggestSkillsInput): Promise<SuggestSkillsResult> {
    const limit = input.limit ?? 10;
    const entry =
      (input.jobTitle ? matchTitle(input.jobTitle) : undefined) ??
      (input.cvText ? titleMentionedIn(input.cvText) : undefined);
    const source = entry ?? GENERAL_SKILLS;
    const have = new Set(input.existingSkills.map(normalizeTerm));
    const skills = candidates(source)
      .filter((skill) => !have.has(normalizeTerm(skill.name)))
      .slice(0, limit);
    return Promise.resolve({ ...meta(), skills });
  }

  writeCoverLetter(input: CoverLetterInput): Promise<CoverLetterResult> {
    return Promise.resolve({ ...meta(), ...templateCoverLetter(input) });
  }

  parseCvText(text: string): Promise<ParseCvTextResult> {
    return Promise.resolve({ ...meta(), resume: parseCvText(text) });
  }
}

function meta(): AiResultMeta {
  return { ...META, usage: { ...META.usage } };
}

/** Technical skills, tools and soft skills interleaved so a short list has some of each. */
function candidates(entry: TitleSkills): SuggestedSkill[] {
  const reason =
    entry === GENERAL_SKILLS ? 'Valued in almost any role' : `Common in ${entry.title} job ads`;
  const lists: [string, string[]][] = [
    ['technical', entry.technical],
    ['tool', entry.tools],
    ['soft', entry.soft],
  ];
  const ordered: SuggestedSkill[] = [];
  const longest = Math.max(...lists.map(([, names]) => names.length));
  for (let i = 0; i < longest; i += 1) {
    // Two technical skills for each tool and soft skill.
    for (const [category, names] of lists) {
      const take = category === 'technical' ? names.slice(i * 2, i * 2 + 2) : names.slice(i, i + 1);
      for (const name of take) ordered.push({ name, category, reason });
    }
  }
  return ordered;
}
