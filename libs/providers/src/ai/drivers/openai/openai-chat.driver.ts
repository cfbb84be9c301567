import { Logger } from '@nestjs/common';
import type OpenAI from 'openai';
import type { APIError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { z } from 'zod';
import {
  AiRefusalError,
  AiUnavailableError,
  type LlmCompletion,
  type LlmPort,
  type LlmRequest,
} from '../../llm.port';
import { capRetryAfter, retryAfterMs } from './retry-after-cap';

export interface OpenAiChatOptions {
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
}

/** The SDK, loaded with the first call rather than at boot (load time and memory). */
interface Sdk {
  OpenAI: typeof OpenAI;
  APIError: typeof import('openai').APIError;
  APIUserAbortError: typeof import('openai').APIUserAbortError;
  zodResponseFormat: typeof import('openai/helpers/zod').zodResponseFormat;
}
let sdk: Promise<Sdk> | undefined;
function loadSdk(): Promise<Sdk> {
  sdk ??= Promise.all([import('openai'), import('openai/helpers/zod')]).then(([main, zod]) => ({
    OpenAI: main.default,
    APIError: main.APIError,
    APIUserAbortError: main.APIUserAbortError,
    zodResponseFormat: zod.zodResponseFormat,
  }));
  return sdk;
}

/** Answers that arrived but cannot be used: not JSON, wrong shape, or cut off. */
class MalformedAnswer extends Error {}

/**
 * Chat completions on OpenAI (or any compatible endpoint) through the official
 * SDK, with structured output for every answer. Transport failures are retried
 * by the SDK; a malformed answer is asked for once more. Prompts may hold
 * personal data: they are never logged.
 */
export class OpenAiChat implements LlmPort {
  readonly configured = true;
  private client?: OpenAI;
  private readonly logger = new Logger('Llm');

  constructor(private readonly options: OpenAiChatOptions) {}

  private createClient({ OpenAI }: Sdk): OpenAI {
    const { options } = this;
    const sdkLogger = new Logger('OpenAI');
    return new OpenAI({
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

  async complete<S extends z.ZodType>(request: LlmRequest<S>): Promise<LlmCompletion<z.infer<S>>> {
    const { purpose: operation, schema } = request;
    const loaded = await loadSdk();
    const { APIError, zodResponseFormat } = loaded;
    this.client ??= this.createClient(loaded);
    const client = this.client;
    const params: ChatCompletionCreateParamsNonStreaming = {
      model: request.model,
      messages: request.messages,
      response_format: zodResponseFormat(schema, request.schemaName),
      [this.options.tokenLimitParameter]: request.maxTokens,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    };
    const usage = { promptTokens: 0, completionTokens: 0 };
    const started = Date.now();
    const signal = AbortSignal.timeout(this.options.deadlineMs);
    for (let attempt = 1; ; attempt += 1) {
      let completion: ChatCompletion | undefined;
      try {
        completion = await client.chat.completions.create(params, { signal });
      } catch (error) {
        if (error instanceof APIError) throw this.unavailable(operation, error as APIError, loaded);
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
        return { answer, meta: { provider: 'openai', model: model || request.model, usage } };
      } catch (error) {
        if (!(error instanceof MalformedAnswer)) throw error;
        if (attempt >= 2) {
          throw new AiUnavailableError(`${operation}: malformed answer twice (${error.message})`);
        }
        this.logger.warn(
          `${operation}: malformed answer from ${request.model} (${error.message}); asking again`,
        );
      }
    }
  }

  private unavailable(
    operation: string,
    error: APIError,
    { APIUserAbortError }: Sdk,
  ): AiUnavailableError {
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
