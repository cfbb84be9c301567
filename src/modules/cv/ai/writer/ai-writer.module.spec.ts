import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig, type AppConfig } from '@lib/config';
import { createLlm } from '@lib/providers';
import { AiWriterModule, createAiWriter } from './ai-writer.module';
import { AI_WRITER, type AiWriter } from './ai-writer.port';
import { LlmAiWriter } from './llm/llm-ai-writer';
import { LocalAiWriter } from './local/local.driver';

const writerFor = (config: AppConfig) => createAiWriter(createLlm(config), config);

describe('AI writer selection', () => {
  it('uses the local writer when no key is set, and the language model when one is', () => {
    expect(loadConfig({}).aiDriver).toBe('local');
    // As copied from .env.example: empty means unset.
    expect(loadConfig({ AI_DRIVER: '', OPENAI_API_KEY: '' }).aiDriver).toBe('local');
    expect(writerFor(loadConfig({}))).toBeInstanceOf(LocalAiWriter);
    expect(writerFor(loadConfig({ OPENAI_API_KEY: 'sk-x' }))).toBeInstanceOf(LlmAiWriter);
  });

  it('lets AI_DRIVER force the local writer, and refuses openai without a key', () => {
    expect(writerFor(loadConfig({ OPENAI_API_KEY: 'sk-x', AI_DRIVER: 'local' }))).toBeInstanceOf(
      LocalAiWriter,
    );
    expect(() => loadConfig({ AI_DRIVER: 'openai' })).toThrow(/OPENAI_API_KEY: required/);
  });

  it('provides AI_WRITER through AiWriterModule, answering locally with no key', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({})), AiWriterModule],
    }).compile();
    const writer = moduleRef.get<AiWriter>(AI_WRITER);

    const result = await writer.suggestSkills({
      jobTitle: 'Software Engineer',
      existingSkills: [],
    });

    expect(result.provider).toBe('local');
    expect(result.skills.length).toBeGreaterThan(0);
  });
});
