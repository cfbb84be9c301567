import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { loadConfig } from '@lib/config';
import { OpenAiFake } from '@lib/testing';
import { createLlm } from '../../ai.module';
import { AiRefusalError, AiUnavailableError, type LlmPort } from '../../llm.port';
import { OpenAiChat } from './openai-chat.driver';

const fake = new OpenAiFake();
let baseURL: string;

/** Every log line the driver and the SDK write, at every level. */
const logged: string[] = [];

beforeAll(async () => {
  const capture = (message: unknown) => void logged.push(String(message));
  Logger.overrideLogger({
    log: capture,
    error: capture,
    warn: capture,
    debug: capture,
    verbose: capture,
    fatal: capture,
  });
  ({ baseURL } = await fake.start());
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  logged.length = 0;
});

/** The model port the application builds from its configuration, pointed at the fake. */
function llm(env: Record<string, string> = {}): LlmPort {
  return createLlm(loadConfig({ OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: baseURL, ...env }));
}

const answer = z.object({ names: z.array(z.object({ name: z.string() })) });

function ask(port: LlmPort = llm(), content = 'Name three fruits') {
  return port.complete({
    purpose: 'fruits',
    model: 'gpt-4o-mini',
    maxTokens: 500,
    temperature: 0.3,
    messages: [
      { role: 'system', content: 'Answer with names.' },
      { role: 'user', content },
    ],
    schema: answer,
    schemaName: 'names',
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('OpenAI chat driver against the fake OpenAI server', () => {
  it('is what the configuration builds when a key is set, and nothing is configured without one', async () => {
    expect(llm()).toBeInstanceOf(OpenAiChat);
    expect(llm().configured).toBe(true);
    const none = createLlm(loadConfig({}));
    expect(none.configured).toBe(false);
    expect(await failure(ask(none))).toBeInstanceOf(AiUnavailableError);
  });

  it('sends the model, token limit, temperature and a strict schema, and reads the usage', async () => {
    fake.answerNext({
      content: { names: [{ name: 'Apple' }] },
      usage: { prompt_tokens: 12, completion_tokens: 7 },
    });

    const result = await ask();

    expect(result).toEqual({
      answer: { names: [{ name: 'Apple' }] },
      meta: {
        provider: 'openai',
        model: expect.any(String),
        usage: { promptTokens: 12, completionTokens: 7 },
      },
    });
    const [request] = fake.requests;
    expect(request.model).toBe('gpt-4o-mini');
    expect(request.max_completion_tokens).toBe(500);
    expect(request.temperature).toBe(0.3);
    expect(request.response_format?.json_schema).toMatchObject({ name: 'names', strict: true });
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('takes the token parameter name from configuration', async () => {
    await ask(llm({ AI_TOKEN_LIMIT_PARAMETER: 'max_tokens' }));

    const [request] = fake.requests;
    expect(request.max_tokens).toBe(500);
    expect(request.max_completion_tokens).toBeUndefined();
  });

  it('waits for retry-after on a 429 and then succeeds', async () => {
    fake.failNext(429, 1, 1);
    const started = Date.now();

    const result = await ask();

    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.meta.provider).toBe('openai');
  });

  it('does not wait for a retry-after beyond the cap: 503 at once, with the retry-after', async () => {
    fake.failNext(429, 1, 120);
    const started = Date.now();

    const error = await failure(ask());

    expect(error).toBeInstanceOf(AiUnavailableError);
    expect(error).toMatchObject({
      status: 503,
      code: 'ai.unavailable',
      extensions: { retryAfter: 120 },
    });
    expect(fake.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up on a persistent 500 after the configured retries', async () => {
    fake.failNext(500, 10);

    const error = await failure(ask(llm({ AI_MAX_RETRIES: '2' })));

    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).reason).toMatch(/fruits: provider answered 500/);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a rejected key', async () => {
    const error = await failure(
      ask(createLlm(loadConfig({ OPENAI_API_KEY: 'sk-wrong', OPENAI_BASE_URL: baseURL }))),
    );

    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).reason).toMatch(/401 invalid_api_key/);
    expect((error as AiUnavailableError).reason).not.toContain('sk-wrong');
    expect(fake.requests).toHaveLength(0); // refused before the body was recorded
  });

  it('retries a timed-out attempt, and answers 503 when every attempt times out', async () => {
    const quick = llm({ AI_TIMEOUT_MS: '300', AI_MAX_RETRIES: '1' });
    fake.delayNext(1500);
    const recovered = await ask(quick);
    expect(recovered.meta.provider).toBe('openai');
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.delayNext(1500).delayNext(1500);
    const started = Date.now();
    const error = await failure(ask(quick));
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).reason).toMatch(/answered nothing \(timeout/);
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops at the deadline of the whole call, retries included', async () => {
    fake.delayNext(1000).delayNext(1000).delayNext(1000).delayNext(1000);
    const started = Date.now();

    const error = await failure(
      ask(llm({ AI_TIMEOUT_MS: '400', AI_MAX_RETRIES: '3', AI_DEADLINE_MS: '700' })),
    );

    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).reason).toMatch(/nothing within the 700 ms deadline/);
    expect(fake.requests.length).toBeLessThan(4);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('asks once more after a malformed answer, and gives up after a second one', async () => {
    fake.malformedNext();
    const recovered = await ask();
    expect(recovered.answer.names).toEqual([]);
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.answerNext({ content: 'Sure! Here are some names: banana' });
    fake.answerNext({ content: { names: [{ name: 42 }] } });
    const error = await failure(ask());
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).reason).toMatch(/malformed answer twice/);
    expect((error as AiUnavailableError).reason).not.toContain('banana');
    expect(fake.requests).toHaveLength(2);
  });

  it('treats an answer cut off at the token limit as malformed, and counts both attempts', async () => {
    fake.answerNext({
      content: '{"names": [{"name": "Ki',
      finishReason: 'length',
      usage: { prompt_tokens: 100, completion_tokens: 500 },
    });
    fake.answerNext({
      content: { names: [{ name: 'Kiwi' }] },
      usage: { prompt_tokens: 100, completion_tokens: 20 },
    });

    const result = await ask();

    expect(result.answer).toEqual({ names: [{ name: 'Kiwi' }] });
    expect(result.meta.usage).toEqual({ promptTokens: 200, completionTokens: 520 });
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a refusal as such, without retrying', async () => {
    fake.answerNext({ refusal: "I'm sorry, I can't help with that." });

    const error = await failure(ask());

    expect(error).toBeInstanceOf(AiRefusalError);
    expect(error).toMatchObject({ status: 422, code: 'ai.refused' });
    expect(fake.requests).toHaveLength(1);
  });

  it('never logs the key or the prompt, whatever happens', async () => {
    const secret = 'Project Nightingale for Ada Lovelace';
    await ask(llm(), secret);
    fake.answerNext({ content: `not json: ${secret}` });
    fake.answerNext({ content: `still not json: ${secret}` });
    await failure(ask(llm(), secret));
    fake.failNext(500, 3);
    await failure(ask(llm(), secret));

    expect(logged.length).toBeGreaterThan(2);
    const output = logged.join('\n');
    expect(output).not.toContain(fake.apiKey);
    expect(output).not.toContain('Nightingale');
  });
});
