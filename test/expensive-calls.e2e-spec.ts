import { EntityManager } from '@mikro-orm/postgresql';
import { OpenAiFake, TestApp } from '@lib/testing';
import { PLAN_CATALOG } from '@lib/authz';
import { StoredFile } from '../src/modules/files';
import { createUser, signIn, type Session } from './support/accounts';

const PASSWORD = 'metered-password-123';
const CV_TEXT = [
  'Jordan Rivera',
  'jordan.rivera@example.com',
  'Experience',
  'Senior Software Engineer, Acme Corp, 2021 - Present',
  'Education',
  'BSc Computer Science, State University',
].join('\n');

/** Calls that cost real money or CPU (a Chromium render, an AI parse) are metered before the work. */
describe('expensive calls are metered (API4)', () => {
  const openai = new OpenAiFake();
  let t: TestApp;
  let free: Session;

  const call = (
    session: Session,
    method: 'GET' | 'POST',
    url: string,
    { headers = {}, payload }: { headers?: Record<string, string>; payload?: object } = {},
  ) =>
    t.inject({
      method,
      url,
      headers: { authorization: session.authorization, ...headers },
      ...(payload ? { payload } : {}),
    });

  async function newCv(session: Session): Promise<string> {
    const response = await call(session, 'POST', '/v1/cvs', {
      payload: { title: 'Metered', document: { basics: { name: 'Jordan Rivera' } } },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  /** A scanned cv-file with extracted text, as the files module leaves it. */
  async function readyCvFile(userId: string): Promise<string> {
    const file = StoredFile.upload({
      userId,
      kind: 'cv-file',
      fileName: 'original.pdf',
      originalName: 'jordan.pdf',
      mimeType: 'application/pdf',
      size: 10,
      bucket: 'cv-files',
      isPublic: false,
      checksum: '0'.repeat(64),
    });
    file.status = 'ready';
    file.metadata = { text: CV_TEXT };
    await t.get(EntityManager).fork().persistAndFlush(file);
    return file.id;
  }

  const aiUsage = (userId: string) =>
    t
      .get(EntityManager)
      .fork()
      .execute<{ operation: string; provider: string }[]>(
        'select operation, provider from ai_usage where user_id = ?',
        [userId],
      );

  beforeAll(async () => {
    const { baseURL } = await openai.start();
    t = await TestApp.create({
      env: { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: baseURL },
    });
    await createUser(t, { email: 'free@metered.test', password: PASSWORD });
    free = await signIn(t, 'free@metered.test', PASSWORD);
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await openai.stop();
  });

  it('limits forced PDF renders (Cache-Control: no-cache) per user by plan; cached copies stay free', async () => {
    const cvId = await newCv(free);
    const limit = PLAN_CATALOG.free.rateLimits.pdfRendersPerHour;
    const forced = () =>
      call(free, 'GET', `/v1/cvs/${cvId}/pdf`, { headers: { 'cache-control': 'no-cache' } });
    for (let i = 1; i <= limit; i++) {
      const response = await forced();
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(limit - i));
    }
    const refused = await forced();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limit.exceeded' });

    const cached = await call(free, 'GET', `/v1/cvs/${cvId}/pdf`);
    expect(cached.statusCode).toBe(200);
    expect(cached.headers['x-cache']).toBe('hit');
  }, 120000);

  it('checks the CV quota before the AI parser runs on an import', async () => {
    const userId = await createUser(t, { email: 'full@metered.test', password: PASSWORD });
    const full = await signIn(t, 'full@metered.test', PASSWORD);
    for (let i = 0; i < PLAN_CATALOG.free.quotas.cvs; i++) await newCv(full);
    const fileId = await readyCvFile(userId);
    const before = openai.requests.length;

    const refused = await call(full, 'POST', '/v1/cvs/import/file', { payload: { fileId } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'plan.quota_exceeded' });
    expect(openai.requests.length).toBe(before);
    expect(await aiUsage(userId)).toEqual([]);
  });

  it('records an import as AI usage', async () => {
    const userId = await createUser(t, { email: 'importer@metered.test', password: PASSWORD });
    const importer = await signIn(t, 'importer@metered.test', PASSWORD);
    const fileId = await readyCvFile(userId);
    const imported = await call(importer, 'POST', '/v1/cvs/import/file', { payload: { fileId } });
    expect(imported.statusCode).toBe(201);
    expect(await aiUsage(userId)).toEqual([{ operation: 'parse', provider: 'openai' }]);
  });

  it('limits imports per user by plan', async () => {
    const limit = PLAN_CATALOG.free.rateLimits.cvImportsPerHour;
    const unknownFile = { fileId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' };
    for (let i = 0; i < limit; i++) {
      expect(
        (await call(free, 'POST', '/v1/cvs/import/file', { payload: unknownFile })).statusCode,
      ).toBe(404);
    }
    const refused = await call(free, 'POST', '/v1/cvs/import/file', { payload: unknownFile });
    expect(refused.statusCode).toBe(429);
  });
});
