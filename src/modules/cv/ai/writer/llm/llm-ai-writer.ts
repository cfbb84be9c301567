import type { z } from 'zod';
import {
  AiUnavailableError,
  type AiResultMeta,
  type LlmCompletion,
  type LlmPort,
} from '@lib/providers';
import type {
  AiOperation,
  AiWriter,
  CoverLetterInput,
  CoverLetterResult,
  EnhanceSectionInput,
  EnhanceSectionResult,
  ParseCvTextResult,
  ParsedResume,
  Suggestion,
  SuggestSkillsInput,
  SuggestSkillsResult,
} from '../ai-writer.port';
import { normalizeTerm } from '../../../text/keywords';
import { prune } from '../prune';
import { sectionTexts } from '../section-texts';
import {
  coverLetterPrompt,
  enhancePrompt,
  parsePrompt,
  skillsPrompt,
  type Prompt,
} from './prompts';
import { coverLetterAnswer, enhanceAnswer, parseAnswer, skillsAnswer } from './schemas';

export interface LlmOperationSettings {
  model: string;
  maxTokens: number;
  /** Unset: the model's default (some reasoning models accept no other). */
  temperature?: number;
}

/**
 * The AI writer on the configured language model: CV prompts, answer schemas
 * and the checks that keep the model to the caller's texts. Retries and
 * timeouts are the model port's.
 */
export class LlmAiWriter implements AiWriter {
  readonly provider = 'openai' as const;

  constructor(
    private readonly llm: LlmPort,
    private readonly operations: Record<AiOperation, LlmOperationSettings>,
  ) {}

  async enhanceSection(input: EnhanceSectionInput): Promise<EnhanceSectionResult> {
    const texts = sectionTexts(input.items).map((text, i) => ({ ...text, ref: `t${i + 1}` }));
    if (texts.length === 0) return { ...this.unused('enhance'), suggestions: [] };
    const prompt = enhancePrompt(
      input.section,
      texts,
      input.tone ?? 'professional',
      input.language,
    );
    const { answer, meta } = await this.complete(
      'enhance',
      enhanceAnswer,
      'cv_suggestions',
      prompt,
    );

    const byRef = new Map(texts.map((text) => [text.ref, text]));
    const suggestions: Suggestion[] = [];
    for (const proposal of answer.suggestions) {
      const text = byRef.get(proposal.ref);
      // Unknown refs are the model's inventions; a second proposal for one text is dropped.
      if (!text) continue;
      byRef.delete(proposal.ref);
      const suggested = proposal.suggested.trim() || text.text;
      const reasons = proposal.reasons.map((r) => r.trim()).filter(Boolean);
      if (suggested === text.text.trim() && reasons.length === 0) continue;
      suggestions.push({
        ...(text.itemId !== undefined ? { itemId: text.itemId } : {}),
        field: text.field,
        original: text.text,
        suggested,
        reasons,
      });
    }
    return { ...meta, suggestions };
  }

  async suggestSkills(input: SuggestSkillsInput): Promise<SuggestSkillsResult> {
    const limit = input.limit ?? 10;
    const prompt = skillsPrompt(input, limit);
    const { answer, meta } = await this.complete(
      'skills',
      skillsAnswer,
      'skill_suggestions',
      prompt,
    );
    const have = new Set(input.existingSkills.map(normalizeTerm));
    const skills = answer.skills
      .map((skill) => ({ ...skill, name: skill.name.trim() }))
      .filter((skill) => skill.name && !have.has(normalizeTerm(skill.name)))
      .filter(
        (skill, i, all) =>
          all.findIndex((s) => normalizeTerm(s.name) === normalizeTerm(skill.name)) === i,
      )
      .slice(0, limit)
      .map((skill) => prune(skill) as { name: string; category?: string; reason?: string });
    return { ...meta, skills };
  }

  async writeCoverLetter(input: CoverLetterInput): Promise<CoverLetterResult> {
    const prompt = coverLetterPrompt(input);
    const { answer, meta } = await this.complete(
      'coverLetter',
      coverLetterAnswer,
      'cover_letter',
      prompt,
    );
    const paragraphs = answer.paragraphs.map((p) => p.trim()).filter(Boolean);
    if (paragraphs.length === 0) throw new AiUnavailableError('coverLetter: empty letter');
    const subject = answer.subject?.trim();
    return { ...meta, ...(subject ? { subject } : {}), body: paragraphs.join('\n\n') };
  }

  async parseCvText(text: string, options: { language?: string } = {}): Promise<ParseCvTextResult> {
    const prompt = parsePrompt(text, options.language);
    const { answer, meta } = await this.complete('parse', parseAnswer, 'json_resume', prompt);
    return { ...meta, resume: prune(answer) as ParsedResume };
  }

  /** Result metadata when there was nothing to send. */
  private unused(operation: AiOperation): AiResultMeta {
    const { model } = this.operations[operation];
    return { provider: 'openai', model, usage: { promptTokens: 0, completionTokens: 0 } };
  }

  private complete<S extends z.ZodType>(
    operation: AiOperation,
    schema: S,
    schemaName: string,
    messages: Prompt,
  ): Promise<LlmCompletion<z.infer<S>>> {
    return this.llm.complete({
      purpose: operation,
      ...this.operations[operation],
      messages,
      schema,
      schemaName,
    });
  }
}
