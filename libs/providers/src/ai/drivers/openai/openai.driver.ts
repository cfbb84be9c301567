import { Logger } from '@nestjs/common';
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { z } from 'zod';
import {
  AiRefusalError,
  AiUnavailableError,
  type AiOperation,
  type AiResultMeta,
  type AiWriter,
  type CoverLetterInput,
  type CoverLetterResult,
  type EnhanceSectionInput,
  type EnhanceSectionResult,
  type ParseCvTextResult,
  type ParsedResume,
  type Suggestion,
  type SuggestSkillsInput,
  type SuggestSkillsResult,
} from '../../ai.port';
import { normalizeTerm } from '../../keywords';
import { prune } from '../../prune';
import { sectionTexts } from '../../section-texts';
import { coverLetterPrompt, enhancePrompt, parsePrompt, skillsPrompt } from './prompts';
import { capRetryAfter, retryAfterMs } from './retry-after-cap';
import { coverLetterAnswer, enhanceAnswer, parseAnswer, skillsAnswer } from './schemas';

export interface OpenAiOperationSettings {
  model: string;
  maxTokens: number;
  /** Unset: the model's default (some reasoning models accept no other). */
  temperature?: number;
}

export interface OpenAiWriterOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint, e.g. `https://api.openai.com/v1` (default). */
  baseURL?: string;
  organization?: string;
  /** Per attempt. */
  timeoutMs: number;
  /** For the whole call, retries and waits included. */
  deadlineMs: number;
  /** Retries of 429/5xx/timeouts/connection errors, with backoff, honouring retry-after. */
  maxRetries: number;
  /** A retry-after longer than this is not waited for: the call fails at once. */
  maxRetryWaitMs: number;
  /** `max_completion_tokens` (current OpenAI API) or `max_tokens` (older compatible servers). */
  tokenLimitParameter: 'max_completion_tokens' | 'max_tokens';
  operations: Record<AiOperation, OpenAiOperationSettings>;
}

/** Answers that arrived but cannot be used: not JSON, wrong shape, or cut off. */
class MalformedAnswer extends Error {}

/**
 * The AI writer on OpenAI's chat completions API (or any compatible endpoint)
 * through the official SDK, with structured output for every answer. Transport
 * failures are retried by the SDK; a malformed answer is asked for once more.
 * Prompts hold personal data: they are never logged.
 */
export class OpenAiWriter implements AiWriter {
  readonly provider = 'openai' as const;
  private readonly client: OpenAI;
  private readonly logger = new Logger('AiWriter');

  constructor(private readonly options: OpenAiWriterOptions) {
    const sdkLogger = new Logger('OpenAI');
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      organization: options.organization ?? null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      fetch: capRetryAfter((input, init) => fetch(input, init), options.maxRetryWaitMs),
      // The SDK logs request bodies at debug level: never below warn, whatever OPENAI_LOG says.
      logLevel: 'warn',
      logger: {
        error: (message: string) => sdkLogger.error(message),
        warn: (message: string) => sdkLogger.warn(message),
        info: () => undefined,
        debug: () => undefined,
      },
    });
  }

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
    const { model } = this.options.operations[operation];
    return { provider: 'openai', model, usage: { promptTokens: 0, completionTokens: 0 } };
  }

  private async complete<S extends z.ZodType>(
    operation: AiOperation,
    schema: S,
    schemaName: string,
    messages: ChatCompletionMessageParam[],
  ): Promise<{ answer: z.infer<S>; meta: AiResultMeta }> {
    const settings = this.options.operations[operation];
    const params: ChatCompletionCreateParamsNonStreaming = {
      model: settings.model,
      messages,
      response_format: zodResponseFormat(schema, schemaName),
      [this.options.tokenLimitParameter]: settings.maxTokens,
      ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
    };
    const usage = { promptTokens: 0, completionTokens: 0 };
    const started = Date.now();
    const signal = AbortSignal.timeout(this.options.deadlineMs);
    for (let attempt = 1; ; attempt += 1) {
      let completion: ChatCompletion | undefined;
      try {
        completion = await this.client.chat.completions.create(params, { signal });
      } catch (error) {
        if (error instanceof APIError) throw this.unavailable(operation, error as APIError);
        // A 200 whose body is not JSON. By name: the SyntaxError may come from undici's realm.
        if ((error as Error).name !== 'SyntaxError') throw error;
      }
      try {
        addUsage(usage, completion);
        const { answer, model } = readAnswer(completion, schema);
        this.logger.debug(
          `${operation} answered by ${model} in ${Date.now() - started} ms ` +
            `(${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens)`,
        );
        return { answer, meta: { provider: 'openai', model: model || settings.model, usage } };
      } catch (error) {
        if (!(error instanceof MalformedAnswer)) throw error;
        if (attempt >= 2) {
          throw new AiUnavailableError(`${operation}: malformed answer twice (${error.message})`);
        }
        this.logger.warn(
          `${operation}: malformed answer from ${settings.model} (${error.message}); asking again`,
        );
      }
    }
  }

  private unavailable(operation: AiOperation, error: APIError): AiUnavailableError {
    const status =
      error.status ??
      (error instanceof APIUserAbortError
        ? `nothing within the ${this.options.deadlineMs} ms deadline`
        : 'nothing (timeout or connection failure)');
    const code = error.code ?? error.type ?? '';
    const wait = retryAfterMs(error.headers);
    const reason = `${operation}: provider answered ${status}${code ? ` ${code}` : ''} after retries`;
    this.logger.warn(reason);
    return new AiUnavailableError(
      reason,
      wait !== undefined ? { retryAfter: Math.ceil(wait / 1000) } : {},
    );
  }
}

function addUsage(
  usage: { promptTokens: number; completionTokens: number },
  completion?: ChatCompletion,
) {
  usage.promptTokens += completion?.usage?.prompt_tokens ?? 0;
  usage.completionTokens += completion?.usage?.completion_tokens ?? 0;
}

/** The structured answer of a completion; MalformedAnswer when it is unusable, AiRefusalError when declined. */
function readAnswer<S extends z.ZodType>(
  completion: ChatCompletion | undefined,
  schema: S,
): { answer: z.infer<S>; model: string } {
  if (typeof completion !== 'object' || completion === null || !Array.isArray(completion.choices)) {
    throw new MalformedAnswer('response is not a chat completion');
  }
  const choice = completion.choices[0];
  if (!choice) throw new MalformedAnswer('no choices');
  if (choice.message?.refusal || choice.finish_reason === 'content_filter')
    throw new AiRefusalError();
  if (choice.finish_reason === 'length') throw new MalformedAnswer('cut off at the token limit');
  let json: unknown;
  try {
    json = JSON.parse(choice.message?.content ?? '');
  } catch {
    // The parser's message quotes the content, which may hold personal data: not kept.
    throw new MalformedAnswer('content is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new MalformedAnswer(
      `content does not match the schema at ${paths.slice(0, 3).join(', ')}`,
    );
  }
  return { answer: parsed.data, model: completion.model };
}
