import type { z } from 'zod';
import { Problem } from '@lib/problems';

/**
 * A chat model behind one call: messages in, an answer validated against a
 * zod schema out, with what it cost. Retries, timeouts and malformed answers
 * are the driver's business. What to ask and why belongs to the caller.
 */
export interface LlmPort {
  /** False when no model is configured: callers answer with their own rules instead. */
  readonly configured: boolean;
  complete<S extends z.ZodType>(request: LlmRequest<S>): Promise<LlmCompletion<z.infer<S>>>;
}

export const LLM_PORT = Symbol('LLM_PORT');

/** `local`: answered by the caller's own rules, no model involved. */
export type AiProviderName = 'openai' | 'local';

export interface LlmMessage {
  role: 'system' | 'user';
  content: string;
}

export interface LlmRequest<S extends z.ZodType> {
  /** Names the call in logs (never the prompt, which may hold personal data). */
  purpose: string;
  model: string;
  maxTokens: number;
  /** Unset: the model's default (some reasoning models accept no other). */
  temperature?: number;
  messages: LlmMessage[];
  /** The answer's shape, sent as a strict JSON schema and checked on arrival. */
  schema: S;
  schemaName: string;
}

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

export interface LlmCompletion<T> {
  answer: T;
  meta: AiResultMeta;
}

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
      'Service unavailable',
      'The AI writer is unavailable right now; try again later.',
      options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {},
    );
    this.name = 'AiUnavailableError';
  }
}

/** The model declined to answer (safety refusal or content filter): retrying will not help. */
export class AiRefusalError extends Problem {
  constructor() {
    super(422, 'ai.refused', 'Unprocessable entity', 'The AI writer declined this request.');
    this.name = 'AiRefusalError';
  }
}
