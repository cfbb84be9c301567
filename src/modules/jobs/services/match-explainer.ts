import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AppConfig } from '@lib/config';
import { LLM_PORT, type AiProviderName, type LlmPort } from '@lib/providers';
import type { JobMatch, MatchableJob } from './job-match';

export interface MatchExplanation {
  text: string;
  provider: AiProviderName;
  model: string;
}

const ANSWER = z.object({ explanation: z.string().min(1).max(1500) });
const list = (terms: string[]) => (terms.length ? terms.slice(0, 8).join(', ') : 'none');

/**
 * Explains a match in a few sentences: on the configured language model (the AI port), or
 * from the match itself with local rules on an install without one. The model only words
 * the deterministic result; it never changes the score.
 */
@Injectable()
export class MatchExplainer {
  constructor(
    @Inject(LLM_PORT) private readonly llm: LlmPort,
    private readonly config: AppConfig,
  ) {}

  async explain(
    job: MatchableJob & { company: string },
    match: JobMatch,
  ): Promise<MatchExplanation> {
    if (!this.llm.configured) return localExplanation(job, match);
    const env = this.config.env;
    const { answer, meta } = await this.llm.complete({
      purpose: 'job-match-explanation',
      model: env.AI_MODEL_SKILLS,
      maxTokens: env.AI_MAX_TOKENS_SKILLS,
      temperature: env.AI_TEMPERATURE_SKILLS,
      schema: ANSWER,
      schemaName: 'job_match_explanation',
      messages: [
        {
          role: 'system',
          content:
            'You advise a job seeker. In at most four sentences, explain how well their CV fits the job, ' +
            'what to stress and which gaps to close first. Use only the facts given.',
        },
        {
          role: 'user',
          content: [
            `Job: ${job.title} at ${job.company}`,
            `Score: ${match.score}/100`,
            `Skills the CV has: ${list(match.matchedSkills)}`,
            `Skills the CV lacks: ${list(match.missingSkills)}`,
            `Keywords the CV mentions: ${list(match.matchedKeywords)}`,
            `Keywords the CV lacks: ${list(match.missingKeywords)}`,
            `Job description: ${job.descriptionText.slice(0, 3000)}`,
          ].join('\n'),
        },
      ],
    });
    return { text: answer.explanation, provider: meta.provider, model: meta.model };
  }
}

function localExplanation(job: MatchableJob, match: JobMatch): MatchExplanation {
  const fit = match.score >= 70 ? 'a strong' : match.score >= 40 ? 'a partial' : 'a weak';
  const sentences = [`Your CV is ${fit} match for ${job.title} (${match.score}/100).`];
  if (match.matchedSkills.length)
    sentences.push(
      `Lead with ${list(match.matchedSkills)}: the job asks for them and your CV shows them.`,
    );
  if (match.missingSkills.length)
    sentences.push(`Close or address these gaps first: ${list(match.missingSkills)}.`);
  if (match.missingKeywords.length)
    sentences.push(`Where true, use the job's words: ${list(match.missingKeywords.slice(0, 5))}.`);
  return { text: sentences.join(' '), provider: 'local', model: 'rules-v1' };
}
