import { PDFParse } from 'pdf-parse';
import { EntityManager } from '@mikro-orm/postgresql';
import { generateSamplePostings } from '@lib/providers';
import { OpenAiFake, TestApp } from '@lib/testing';
import { Job } from '../src/modules/jobs';
import { createUser, signIn, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';
const JOB_AD =
  'ACME is hiring a backend engineer: TypeScript, Node.js and PostgreSQL, with on-call duties.';

interface Letter {
  id: string;
  cvId: string;
  title: string;
  body: string;
  tone: string;
  language: string;
  provider: string;
  model: string;
  version: number;
  company: string | null;
}

describe('Cover letters', () => {
  const fake = new OpenAiFake();
  let t: TestApp;
  const users: Record<string, { id: string; session: Session }> = {};
  const cvs: Record<string, string> = {};

  async function user(name: string, tier: 'free' | 'pro' | 'premium') {
    const email = `${name}@example.test`;
    const id = await createUser(t, { email, password: PASSWORD, tier });
    users[name] = { id, session: await signIn(t, email, PASSWORD) };
    const cv = await request(name, 'POST', '/v1/cvs', {
      title: `${name}'s CV`,
      document: {
        basics: { name: `${name} Lovelace`, label: 'Backend Engineer' },
        work: [{ name: 'Initech', position: 'Engineer', highlights: ['Built the billing API'] }],
        skills: [{ name: 'TypeScript' }],
      },
      layout: { language: 'en-GB' },
    });
    cvs[name] = cv.json<{ id: string }>().id;
  }

  const request = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.inject({
      method,
      url,
      headers: { authorization: users[who].session.authorization, ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });

  async function write(who: string, extra: object = {}): Promise<Letter> {
    fake.answerNext({
      content: {
        subject: 'Application: Backend Engineer at ACME',
        paragraphs: ['Dear ACME team,', 'I built the billing API at Initech.', 'Kind regards,'],
      },
    });
    const response = await request(who, 'POST', '/v1/cover-letters', {
      cvId: cvs[who],
      jobDescription: JOB_AD,
      tone: 'professional',
      company: 'ACME',
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    return response.json<Letter>();
  }

  beforeAll(async () => {
    const { baseURL } = await fake.start();
    t = await TestApp.create({
      role: 'api',
      env: { OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: baseURL },
    });
    await user('ann', 'premium');
    await user('bob', 'pro');
    await user('fay', 'free');
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('writes a letter from the CV and the job ad with the cover letter model and 1500 tokens', async () => {
    const letter = await write('ann', { jobTitle: 'Backend Engineer' });

    const [sent] = fake.requests;
    expect(sent.model).toBe('gpt-4o');
    expect(sent.max_completion_tokens).toBe(1500);
    expect(sent.response_format?.json_schema?.name).toBe('cover_letter');
    const prompt = JSON.stringify(sent.messages);
    for (const part of ['ann Lovelace', 'Built the billing API', 'PostgreSQL', 'en-GB']) {
      expect(prompt).toContain(part);
    }
    expect(letter).toMatchObject({
      cvId: cvs.ann,
      title: 'Application: Backend Engineer at ACME',
      body: 'Dear ACME team,\n\nI built the billing API at Initech.\n\nKind regards,',
      tone: 'professional',
      language: 'en-GB',
      company: 'ACME',
      provider: 'openai',
      model: 'gpt-4o',
      version: 1,
    });
    const read = await request('ann', 'GET', `/v1/cover-letters/${letter.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(letter);
  });

  it('writes from a job of the jobs module: its company, title and description', async () => {
    const [posting] = generateSamplePostings({ seed: 3, count: 1, now: new Date() });
    const job = new Job();
    Object.assign(job, {
      title: 'Staff Platform Engineer',
      company: 'Umbra Security',
      companyKey: 'umbra security',
      descriptionHtml: '<p>Umbra Security runs zero-trust gateways in Rust and Go.</p>',
      descriptionText:
        'Umbra Security runs zero-trust gateways in Rust and Go for regulated banks.',
      postedAt: posting.postedAt,
      fingerprint: 'test',
    });
    await t.get(EntityManager).fork().persistAndFlush(job);
    fake.answerNext({
      content: {
        subject: 'Staff Platform Engineer at Umbra Security',
        paragraphs: ['Dear Umbra Security team,'],
      },
    });
    const response = await request('ann', 'POST', '/v1/cover-letters', {
      cvId: cvs.ann,
      jobId: job.id,
      tone: 'professional',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      company: 'Umbra Security',
      jobTitle: 'Staff Platform Engineer',
    });
    const prompt = JSON.stringify(fake.requests[0].messages);
    for (const part of [
      'Umbra Security',
      'Staff Platform Engineer',
      'zero-trust gateways in Rust',
    ]) {
      expect(prompt).toContain(part);
    }
  });

  it('needs exactly one of jobDescription and jobId; an unknown job id is a 422', async () => {
    const both = await request('ann', 'POST', '/v1/cover-letters', {
      cvId: cvs.ann,
      jobDescription: JOB_AD,
      jobId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
      tone: 'professional',
    });
    expect(both.statusCode).toBe(400);
    const neither = await request('ann', 'POST', '/v1/cover-letters', {
      cvId: cvs.ann,
      tone: 'professional',
    });
    expect(neither.statusCode).toBe(400);
    const job = await request('ann', 'POST', '/v1/cover-letters', {
      cvId: cvs.ann,
      jobId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
      tone: 'concise',
    });
    expect(job.statusCode).toBe(422);
    expect(job.json().code).toBe('cover_letter.job_not_found');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses free users (403) and another user’s CV (404) before calling the provider', async () => {
    const free = await request('fay', 'POST', '/v1/cover-letters', {
      cvId: cvs.fay,
      jobDescription: JOB_AD,
      tone: 'professional',
    });
    expect(free.statusCode).toBe(403);
    expect(free.json()).toMatchObject({ code: 'plan.upgrade_required', requiredPlan: 'pro' });
    const theirs = await request('bob', 'POST', '/v1/cover-letters', {
      cvId: cvs.ann,
      jobDescription: JOB_AD,
      tone: 'professional',
    });
    expect(theirs.statusCode).toBe(404);
    expect(fake.requests).toHaveLength(0);
    // Reading one's (empty) list needs no plan.
    expect((await request('fay', 'GET', '/v1/cover-letters')).statusCode).toBe(200);
  });

  it('lists own letters newest first in cursor pages, without their texts', async () => {
    const first = await write('bob', { title: 'First' });
    const second = await write('bob', { title: 'Second' });
    const third = await write('bob', { title: 'Third' });

    const page1 = await request('bob', 'GET', '/v1/cover-letters?limit=2');
    expect(page1.statusCode).toBe(200);
    const body1 = page1.json<{ items: Letter[]; nextCursor: string }>();
    expect(body1.items.map((l) => l.id)).toEqual([third.id, second.id]);
    expect(body1.items[0]).not.toHaveProperty('body');
    const page2 = await request(
      'bob',
      'GET',
      `/v1/cover-letters?limit=2&cursor=${body1.nextCursor}`,
    );
    const body2 = page2.json<{ items: Letter[]; nextCursor: string | null }>();
    expect(body2.items.map((l) => l.id)).toEqual([first.id]);
    expect(body2.nextCursor).toBeNull();
    const anns = await request('ann', 'GET', '/v1/cover-letters?limit=100');
    expect(anns.json<{ items: Letter[] }>().items.map((l) => l.id)).not.toContain(first.id);
  });

  it('edits title, body and tone as new versions; a stale If-Match changes nothing', async () => {
    const letter = await write('ann');
    const url = `/v1/cover-letters/${letter.id}`;

    const edited = await request(
      'ann',
      'PATCH',
      url,
      { body: 'Dear ACME,\n\nHello.', tone: 'friendly' },
      { 'if-match': '"1"' },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json()).toMatchObject({
      body: 'Dear ACME,\n\nHello.',
      tone: 'friendly',
      version: 2,
    });

    const stale = await request('ann', 'PATCH', url, { title: 'Lost' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'cover_letter.version_conflict',
      currentVersion: 2,
    });
    const unchanged = await request('ann', 'PATCH', url, { title: letter.title });
    expect(unchanged.json()).toMatchObject({ version: 2 });
    const renamed = await request('ann', 'PATCH', url, { title: 'ACME – v3' });
    expect(renamed.json()).toMatchObject({ title: 'ACME – v3', version: 3 });
    const bad = await request('ann', 'PATCH', url, { body: '', provider: 'me' });
    expect(bad.statusCode).toBe(400);
  });

  it('hides other users’ letters behind 404 and deletes own ones', async () => {
    const letter = await write('ann');
    const url = `/v1/cover-letters/${letter.id}`;

    expect((await request('bob', 'GET', url)).statusCode).toBe(404);
    expect((await request('bob', 'PATCH', url, { title: 'Mine now' })).statusCode).toBe(404);
    expect((await request('bob', 'DELETE', url)).statusCode).toBe(404);
    expect((await request('ann', 'GET', url)).json()).toMatchObject({ title: letter.title });

    expect((await request('ann', 'DELETE', url)).statusCode).toBe(204);
    expect((await request('ann', 'GET', url)).statusCode).toBe(404);
    expect((await request('ann', 'DELETE', url)).statusCode).toBe(404);
    expect((await request('ann', 'GET', '/v1/cover-letters/not-a-uuid')).statusCode).toBe(400);
  });

  it('exports a letter as PDF and HTML in its CV’s template, under the CV’s header', async () => {
    const letter = await write('bob');
    const url = `/v1/cover-letters/${letter.id}/export`;

    const pdf = await request('bob', 'GET', url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(
      "filename*=UTF-8''bob%20Lovelace%20Cover%20letter.pdf",
    );
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      // Header from the CV first, then the letter in order.
      const order = ['bob Lovelace', 'Backend Engineer', 'ACME', 'Dear ACME team', 'billing API'];
      const positions = order.map((part) => text.indexOf(part));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    } finally {
      await parser.destroy();
    }

    const html = await request('bob', 'GET', `${url}?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('class="template-modern"');
    expect(html.body).toContain('<p>I built the billing API at Initech.</p>');

    expect((await request('ann', 'GET', url)).statusCode).toBe(404);
    expect((await request('bob', 'GET', `${url}?format=docx`)).statusCode).toBe(400);
  });
});
