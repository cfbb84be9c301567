import { Module } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { AiProviderModule, LLM_PORT, type LlmPort } from '@lib/providers';
import { AI_WRITER, type AiWriter } from './ai-writer.port';
import { LlmAiWriter } from './llm/llm-ai-writer';
import { LocalAiWriter } from './local/local.driver';

/** The writer on the configured language model, or the local rules when there is none. */
export function createAiWriter(llm: LlmPort, config: AppConfig): AiWriter {
  if (!llm.configured) return new LocalAiWriter();
  const env = config.env;
  return new LlmAiWriter(llm, {
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
  });
}

/** Provides AI_WRITER to the CV and cover-letter use cases. */
@Module({
  imports: [AiProviderModule],
  providers: [{ provide: AI_WRITER, inject: [LLM_PORT, AppConfig], useFactory: createAiWriter }],
  exports: [AI_WRITER],
})
export class AiWriterModule {}
