import type { z } from 'zod';
import { AiUnavailableError, type LlmCompletion, type LlmPort, type LlmRequest } from '../llm.port';

/** No model configured (no OPENAI_API_KEY, or AI_DRIVER=local): callers use their own rules. */
export class NoLlm implements LlmPort {
  readonly configured = false;

  complete<S extends z.ZodType>(request: LlmRequest<S>): Promise<LlmCompletion<z.infer<S>>> {
    return Promise.reject(
      new AiUnavailableError(`${request.purpose}: no language model configured`),
    );
  }
}
