import { loadConfig } from '@lib/config';
import { createLlm } from '@lib/providers';
import { OpenAiFake } from '@lib/testing';
import { createAiWriter } from '../ai-writer.module';
import type { AiWriter } from '../ai-writer.port';
import { LlmAiWriter } from './llm-ai-writer';

const fake = new OpenAiFake();
let baseURL: string;

beforeAll(async () => {
  ({ baseURL } = await fake.start());
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
});

/** The writer the application builds from its configuration, pointed at the fake. */
function writer(env: Record<string, string> = {}): AiWriter {
  const config = loadConfig({ OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: baseURL, ...env });
  return createAiWriter(createLlm(config), config);
}

const WORK_ITEMS = [
  {
    id: 'w1',
    fields: {
      name: 'ACME',
      summary: 'Responsible for the billing team.',
      highlights: ['Worked on the invoicing API', 'Cut cloud costs by 30%'],
    },
  },
];

describe('The language-model CV writer against the fake OpenAI server', () => {
  it('is what the configuration builds when a key is set', () => {
    expect(writer()).toBeInstanceOf(LlmAiWriter);
    expect(writer().provider).toBe('openai');
  });

  it('enhances a section with the enhancement model, 2000 tokens, temperature 0.7 and a strict schema', async () => {
    fake.answerNext({
      content: {
        suggestions: [
          { ref: 't1', suggested: 'Led the billing team.', reasons: ['Stronger verb'] },
          {
            ref: 't2',
            suggested: 'Built the invoicing API',
            reasons: ['Action verb', 'Add a number'],
          },
          { ref: 't9', suggested: 'Invented text', reasons: ['Not one of ours'] },
        ],
      },
      usage: { prompt_tokens: 321, completion_tokens: 54 },
    });

    const result = await writer().enhanceSection({ section: 'work', items: WORK_ITEMS });

    const [request] = fake.requests;
    expect(request.model).toBe('gpt-4o');
    expect(request.temperature).toBe(0.7);
    expect(request.max_completion_tokens).toBe(2000);
    expect(request.max_tokens).toBeUndefined();
    expect(request.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'cv_suggestions', strict: true },
    });
    expect(request.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    // Only prose goes out: the employer's name is not sent for rewriting.
    const sent = JSON.parse(request.messages[1].content as string) as {
      texts: { ref: string; field: string; text: string }[];
    };
    expect(sent.texts).toEqual([
      { ref: 't1', field: 'summary', text: 'Responsible for the billing team.' },
      { ref: 't2', field: 'highlights/0', text: 'Worked on the invoicing API' },
      { ref: 't3', field: 'highlights/1', text: 'Cut cloud costs by 30%' },
    ]);

    expect(result).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      usage: { promptTokens: 321, completionTokens: 54 },
      suggestions: [
        {
          itemId: 'w1',
          field: 'summary',
          original: 'Responsible for the billing team.',
          suggested: 'Led the billing team.',
          reasons: ['Stronger verb'],
        },
        {
          itemId: 'w1',
          field: 'highlights/0',
          original: 'Worked on the invoicing API',
          suggested: 'Built the invoicing API',
          reasons: ['Action verb', 'Add a number'],
        },
      ],
    });
  });

  it('suggests skills with the skills model and 500 tokens, dropping skills the CV already has', async () => {
    fake.answerNext({
      content: {
        skills: [
          { name: 'TypeScript', category: 'technical', reason: 'Asked for in most ads' },
          { name: 'docker', category: 'tool', reason: null },
          { name: 'Kubernetes', category: null, reason: null },
        ],
      },
    });

    const result = await writer().suggestSkills({
      jobTitle: 'Backend Engineer',
      existingSkills: ['Docker'],
    });

    const [request] = fake.requests;
    expect(request.model).toBe('gpt-4o-mini');
    expect(request.max_completion_tokens).toBe(500);
    expect(request.temperature).toBeUndefined();
    expect(request.response_format?.json_schema?.name).toBe('skill_suggestions');
    expect(result.skills).toEqual([
      { name: 'TypeScript', category: 'technical', reason: 'Asked for in most ads' },
      { name: 'Kubernetes' },
    ]);
    expect(result.provider).toBe('openai');
    expect(result.usage.promptTokens).toBeGreaterThan(0);
  });

  it('writes a cover letter with the cover letter model and 1500 tokens', async () => {
    fake.answerNext({
      content: {
        subject: 'Application for Backend Engineer',
        paragraphs: ['Dear ACME team,', 'I build APIs.', 'Kind regards,\nAda Lovelace'],
      },
    });

    const result = await writer().writeCoverLetter({
      applicantName: 'Ada Lovelace',
      experience: [
        { role: 'Engineer', organization: 'Analytical Engines', highlights: ['Built APIs'] },
      ],
      skills: ['Node.js'],
      jobDescription: 'We need a Node.js engineer.',
      jobTitle: 'Backend Engineer',
      company: 'ACME',
      tone: 'friendly',
      language: 'en-GB',
    });

    const [request] = fake.requests;
    expect(request.model).toBe('gpt-4o');
    expect(request.max_completion_tokens).toBe(1500);
    expect(request.messages[0].content).toContain('warm and approachable');
    expect(request.messages[0].content).toContain('"en-GB"');
    expect(result.subject).toBe('Application for Backend Engineer');
    expect(result.body).toBe('Dear ACME team,\n\nI build APIs.\n\nKind regards,\nAda Lovelace');
  });

  it('parses CV text into a JSON Resume draft without the nulls of strict output', async () => {
    fake.answerNext({
      content: {
        basics: {
          name: 'Ada Lovelace',
          label: null,
          email: 'ada@example.com',
          phone: null,
          url: null,
          summary: null,
          location: null,
          profiles: null,
        },
        work: [
          {
            name: 'Analytical Engines',
            position: 'Engineer',
            location: null,
            startDate: '2020-03',
            endDate: null,
            summary: null,
            highlights: ['Built APIs'],
          },
        ],
        education: null,
        skills: null,
        languages: null,
        projects: null,
        certificates: null,
        interests: null,
      },
    });

    const result = await writer().parseCvText('Ada Lovelace\nada@example.com\n…');

    expect(fake.requests[0].model).toBe('gpt-4o-mini');
    expect(fake.requests[0].temperature).toBe(0);
    expect(result.resume).toEqual({
      basics: { name: 'Ada Lovelace', email: 'ada@example.com' },
      work: [
        {
          name: 'Analytical Engines',
          position: 'Engineer',
          startDate: '2020-03',
          highlights: ['Built APIs'],
        },
      ],
    });
  });

  it('takes models, limits and the token parameter name from configuration', async () => {
    await writer({
      AI_MODEL_SKILLS: 'llama-3.1-8b-instruct',
      AI_MAX_TOKENS_SKILLS: '256',
      AI_TEMPERATURE_SKILLS: '0.2',
      AI_TOKEN_LIMIT_PARAMETER: 'max_tokens',
    }).suggestSkills({ jobTitle: 'Chef', existingSkills: [] });

    const [request] = fake.requests;
    expect(request.model).toBe('llama-3.1-8b-instruct');
    expect(request.max_tokens).toBe(256);
    expect(request.max_completion_tokens).toBeUndefined();
    expect(request.temperature).toBe(0.2);
  });

  it('sends nothing when a section has no prose', async () => {
    const result = await writer().enhanceSection({
      section: 'work',
      items: [{ id: 'w1', fields: { name: 'ACME', startDate: '2020' } }],
    });
    expect(result.suggestions).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});
