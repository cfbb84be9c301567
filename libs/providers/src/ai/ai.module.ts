import { Module } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { AI_WRITER, type AiWriter } from './ai.port';
import { LocalAiWriter } from './drivers/local/local.driver';
import { OpenAiWriter } from './drivers/openai/openai.driver';

export function createAiWriter(config: AppConfig): AiWriter {
  const env = config.env;
  if (config.aiDriver === 'local') return new LocalAiWriter();
  return new OpenAiWriter({
    apiKey: env.OPENAI_API_KEY!,
    baseURL: env.OPENAI_BASE_URL,
    organization: env.OPENAI_ORG_ID,
    timeoutMs: env.AI_TIMEOUT_MS,
    deadlineMs: env.AI_DEADLINE_MS,
    maxRetries: env.AI_MAX_RETRIES,
    maxRetryWaitMs: env.AI_MAX_RETRY_WAIT_MS,
    tokenLimitParameter: env.AI_TOKEN_LIMIT_PARAMETER,
    operations: {
      enhance: {
        model: env.AI_MODEL_ENHANCE,
        maxTokens: env.AI_MAX_TOKENS_ENHANCE,
        temperature: env.AI_TEMPERATURE_ENHANCE,
      },
      skills: {
        model: env.AI_MODEL_SKILLS,
        maxTokens: env.AI_MAX_TOKENS_SKILLS,
        temperature: env.AI_TEMPERATURE_SKILLS,
      },
      coverLetter: {
        model: env.AI_MODEL_COVER_LETTER,
        maxTokens: env.AI_MAX_TOKENS_COVER_LETTER,
        temperature: env.AI_TEMPERATURE_COVER_LETTER,
      },
      parse: {
        model: env.AI_MODEL_PARSE,
        maxTokens: env.AI_MAX_TOKENS_PARSE,
        temperature: env.AI_TEMPERATURE_PARSE,
      },
    },
  });
}

/** Provides AI_WRITER with the driver AI_DRIVER (or the presence of OPENAI_API_KEY) selects. */
@Module({
  providers: [{ provide: AI_WRITER, inject: [AppConfig], useFactory: createAiWriter }],
  exports: [AI_WRITER],
})
export class AiProviderModule {}
