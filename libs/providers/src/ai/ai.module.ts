import { Module } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { LLM_PORT, type LlmPort } from './llm.port';
import { NoLlm } from './drivers/no-llm.driver';
import { OpenAiChat } from './drivers/openai/openai-chat.driver';

/** The configured language model, or NoLlm for `local` (AI_DRIVER, or no OPENAI_API_KEY). */
export function createLlm(config: AppConfig): LlmPort {
  const env = config.env;
  if (config.aiDriver === 'local') return new NoLlm();
  return new OpenAiChat({
    apiKey: env.OPENAI_API_KEY!,
    baseURL: env.OPENAI_BASE_URL,
    organization: env.OPENAI_ORG_ID,
    timeoutMs: env.AI_TIMEOUT_MS,
    deadlineMs: env.AI_DEADLINE_MS,
    maxRetries: env.AI_MAX_RETRIES,
    maxRetryWaitMs: env.AI_MAX_RETRY_WAIT_MS,
    tokenLimitParameter: env.AI_TOKEN_LIMIT_PARAMETER,
  });
}

/** Provides LLM_PORT with the driver AI_DRIVER (or the presence of OPENAI_API_KEY) selects. */
@Module({
  providers: [{ provide: LLM_PORT, inject: [AppConfig], useFactory: createLlm }],
  exports: [LLM_PORT],
})
export class AiProviderModule {}
