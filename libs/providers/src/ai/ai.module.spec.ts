import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@lib/config';
import { AiProviderModule, createAiWriter } from './ai.module';
import { AI_WRITER, type AiWriter } from './ai.port';
import { LocalAiWriter } from './drivers/local/local.driver';
import { OpenAiWriter } from './drivers/openai/openai.driver';

describe('AI driver selection', () => {
  it('uses the local writer when no key is set, and OpenAI when one is', () => {
    expect(loadConfig({}).aiDriver).toBe('local');
    // As copied from .env.example: empty means unset.
    expect(loadConfig({ AI_DRIVER: '', OPENAI_API_KEY: '' }).aiDriver).toBe('local');
    expect(createAiWriter(loadConfig({}))).toBeInstanceOf(LocalAiWriter);
    expect(createAiWriter(loadConfig({ OPENAI_API_KEY: 'sk-x' }))).toBeInstanceOf(OpenAiWriter);
  });

  it('lets AI_DRIVER force the local writer, and refuses openai without a key', () => {
    expect(
      createAiWriter(loadConfig({ OPENAI_API_KEY: 'sk-x', AI_DRIVER: 'local' })),
    ).toBeInstanceOf(LocalAiWriter);
    expect(() => loadConfig({ AI_DRIVER: 'openai' })).toThrow(/OPENAI_API_KEY: required/);
  });

  it('provides AI_WRITER through AiProviderModule, answering locally with no key', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({})), AiProviderModule],
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
