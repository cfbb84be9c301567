import OpenAI from 'openai';
import { OpenAiFake } from './openai.fake';

const fake = new OpenAiFake();
let client: OpenAI;

beforeAll(async () => {
  const { baseURL } = await fake.start();
  client = new OpenAI({ apiKey: fake.apiKey, baseURL, maxRetries: 0 });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const STRICT_FORMAT = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'answer',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        note: { type: ['string', 'null'] },
      },
      required: ['title', 'tags', 'note'],
      additionalProperties: false,
    },
  },
};

describe('OpenAI fake (with the real SDK)', () => {
  it('answers in the chat completion wire format and records the parameters', async () => {
    fake.answerNext({ content: { title: 'Hi', tags: ['a'], note: null } });

    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      max_completion_tokens: 50,
      temperature: 0.3,
      response_format: STRICT_FORMAT,
    });

    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(typeof completion.created).toBe('number');
    expect(JSON.parse(completion.choices[0].message.content!)).toEqual({
      title: 'Hi',
      tags: ['a'],
      note: null,
    });
    expect(fake.requests[0]).toMatchObject({
      model: 'gpt-4o-mini',
      max_completion_tokens: 50,
      temperature: 0.3,
      response_format: STRICT_FORMAT,
    });
  });

  it('answers an unscripted structured request with the smallest value of its schema', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello' }],
      response_format: STRICT_FORMAT,
    });
    expect(JSON.parse(completion.choices[0].message.content!)).toEqual({
      title: '',
      tags: [],
      note: null,
    });
  });

  it('rejects a strict schema OpenAI would reject, and a wrong key, with its error document', async () => {
    const loose = {
      ...STRICT_FORMAT,
      json_schema: {
        ...STRICT_FORMAT.json_schema,
        schema: { ...STRICT_FORMAT.json_schema.schema, required: ['title'] },
      },
    };
    await expect(
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x' }],
        response_format: loose,
      }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_json_schema', param: 'response_format' });

    const stranger = new OpenAI({ apiKey: 'sk-wrong', baseURL: client.baseURL, maxRetries: 0 });
    await expect(
      stranger.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('injects a 429 with retry-after, a 500, and a malformed body, in order', async () => {
    fake.failNext(429, 1, 7).failNext(500).malformedNext();
    const ask = () =>
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x' }],
      });

    const limited = await ask().catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe(
      '7',
    );
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(ask()).rejects.toMatchObject({ name: 'SyntaxError' });
    await expect(ask()).resolves.toMatchObject({ object: 'chat.completion' });
  });
});
