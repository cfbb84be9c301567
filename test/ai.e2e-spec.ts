import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, OpenAiFake, TestApp } from '@lib/testing';
import { CvChanges } from '../src/modules/cv/cv-changes';
import { createUser, signIn, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';

const DOCUMENT = {
  basics: {
    name: 'Ada Lovelace',
    label: 'Backend Engineer',
    summary: 'Engineer responsible for billing systems.',
  },
  work: [
    {
      name: 'ACME',
      position: 'Engineer',
      summary: 'Responsible for the billing team.',
      highlights: ['Worked on the invoicing API', 'Cut cloud costs by 30%'],
    },
    { id: 'initech', name: 'Initech', position: 'Intern', summary: 'Helped with reports.' },
  ],
  skills: [{ name: 'Docker', keywords: ['Node.js'] }],
};

interface Suggestion {
  id: string;
  path: string;
  original: string;
  suggested: string;
  reasons: string[];
  stale?: boolean;
}

interface EnhanceResult {
  suggestions: Suggestion[];
  provider: string;
  model: string;
  usage: { promptTokens: number; completionTokens: number };
}

/** Sessions by name, shared by the app under test. */
function sessions(app: () => TestApp) {
  const users: Record<string, { id: string; session: Session }> = {};
  return {
    users,
    async add(name: string, tier: 'free' | 'pro' | 'premium') {
      const email = `${name}@example.test`;
      const id = await createUser(app(), { email, password: PASSWORD, tier });
      users[name] = { id, session: await signIn(app(), email, PASSWORD) };
    },
    request(
      who: string,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      return app().inject({
        method,
        url,
        headers: { authorization: users[who].session.authorization },
        ...(payload !== undefined ? { payload } : {}),
      });
    },
  };
}

describe('AI endpoints against the fake OpenAI server', () => {
  const fake = new OpenAiFake();
  let t: TestApp;
  const { users, add, request } = sessions(() => t);

  async function newCv(who: string, document: object = DOCUMENT): Promise<string> {
    const response = await request(who, 'POST', '/v1/cvs', { title: 'Backend CV', document });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  const enhance = (who: string, cvId: string, body: object) =>
    request(who, 'POST', `/v1/cvs/${cvId}/ai/enhance`, body);

  const sql = <T>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);

  beforeAll(async () => {
    const { baseURL } = await fake.start();
    t = await TestApp.create({
      env: {
        OPENAI_API_KEY: fake.apiKey,
        OPENAI_BASE_URL: baseURL,
        AI_MAX_RETRIES: '2',
        // A provider asking for a longer wait than this fails at once with its Retry-After.
        AI_MAX_RETRY_WAIT_MS: '2000',
      },
    });
    await add('ann', 'premium');
    await add('bob', 'premium');
    await add('fay', 'free');
    await add('pat', 'pro');
    await add('eve', 'premium');
  });
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  describe('enhance → suggestions → apply', () => {
    it('enhances a section with the enhancement model and parameters, keeping the suggestions', async () => {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: {
          suggestions: [
            { ref: 't1', suggested: 'Led the billing team of six.', reasons: ['Stronger verb'] },
            { ref: 't2', suggested: 'Built the invoicing API', reasons: ['Action verb'] },
          ],
        },
        usage: { prompt_tokens: 321, completion_tokens: 54 },
      });

      const response = await enhance('ann', cvId, {
        section: 'work',
        itemId: '0',
        tone: 'confident',
      });

      expect(response.statusCode).toBe(200);
      const [sent] = fake.requests;
      expect(sent.model).toBe('gpt-4o');
      expect(sent.temperature).toBe(0.7);
      expect(sent.max_completion_tokens).toBe(2000);
      expect(sent.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'cv_suggestions', strict: true },
      });
      // Only the chosen item's prose goes out: not the employer, not the position, not item 1.
      const texts = (
        JSON.parse(sent.messages[1].content as string) as { texts: { text: string }[] }
      ).texts;
      expect(texts.map((x) => x.text)).toEqual([
        'Responsible for the billing team.',
        'Worked on the invoicing API',
        'Cut cloud costs by 30%',
      ]);
      const body = response.json<EnhanceResult>();
      expect(body).toMatchObject({
        provider: 'openai',
        model: 'gpt-4o',
        usage: { promptTokens: 321, completionTokens: 54 },
      });
      expect(body.suggestions).toEqual([
        expect.objectContaining({
          path: '/work/0/summary',
          original: 'Responsible for the billing team.',
          suggested: 'Led the billing team of six.',
          reasons: ['Stronger verb'],
        }),
        expect.objectContaining({
          path: '/work/0/highlights/0',
          original: 'Worked on the invoicing API',
          suggested: 'Built the invoicing API',
        }),
      ]);

      const pending = await request('ann', 'GET', `/v1/cvs/${cvId}/ai/suggestions`);
      expect(pending.statusCode).toBe(200);
      expect(
        pending
          .json<{ items: Suggestion[] }>()
          .items.map((s) => s.id)
          .sort(),
      ).toEqual(body.suggestions.map((s) => s.id).sort());
    });

    /** A CV of Ann's with one suggestion: a stronger verb for its first work highlight. */
    async function suggestVerbForFirstHighlight(): Promise<{
      cvId: string;
      suggestion: Suggestion;
    }> {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: {
          suggestions: [{ ref: 't2', suggested: 'Built the invoicing API', reasons: ['Verb'] }],
        },
      });
      const [suggestion] = (await enhance('ann', cvId, { section: 'work' })).json<EnhanceResult>()
        .suggestions;
      return { cvId, suggestion };
    }

    it('applies a suggestion as a new CV version with the suggested text, once', async () => {
      const { cvId, suggestion } = await suggestVerbForFirstHighlight();
      expect(suggestion.path).toBe('/work/0/highlights/0');

      const applied = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`,
      );

      expect(applied.statusCode).toBe(200);
      expect(applied.headers.etag).toBe('"2"');
      const cv = applied.json<{ version: number; document: typeof DOCUMENT }>();
      expect(cv.version).toBe(2);
      expect(cv.document.work[0].highlights).toEqual([
        'Built the invoicing API',
        'Cut cloud costs by 30%',
      ]);
      // Everything else is as it was.
      expect({ ...cv.document, work: [] }).toEqual({ ...DOCUMENT, work: [] });
      const versions = await request('ann', 'GET', `/v1/cvs/${cvId}/versions`);
      expect(versions.json<{ items: unknown[] }>().items).toHaveLength(2);

      const again = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`,
      );
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'ai.suggestion_not_pending',
        suggestionStatus: 'applied',
      });
      const pending = await request('ann', 'GET', `/v1/cvs/${cvId}/ai/suggestions`);
      expect(pending.json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('applies in one transaction: a failure after the CV write changes neither the CV nor the suggestion', async () => {
      const { cvId, suggestion } = await suggestVerbForFirstHighlight();
      const write = CvChanges.prototype.apply;
      // The CV's new version reaches the database inside the use case's transaction, then the use case fails.
      jest.spyOn(CvChanges.prototype, 'apply').mockImplementationOnce(async function (
        this: CvChanges,
        em,
        ...rest
      ) {
        await write.call(this, em, ...rest);
        await em.flush();
        throw new Error('injected failure after the CV write');
      });

      const failed = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`,
      );

      expect(failed.statusCode).toBe(500);
      const cv = (await request('ann', 'GET', `/v1/cvs/${cvId}`)).json<{
        version: number;
        document: typeof DOCUMENT;
      }>();
      expect(cv.version).toBe(1);
      expect(cv.document.work[0].highlights![0]).toBe('Worked on the invoicing API');
      const [row] = await sql<{ status: string; applied_version: number | null }>(
        'select status, applied_version from cv_ai_suggestions where id = ?',
        [suggestion.id],
      );
      expect(row).toEqual({ status: 'pending', applied_version: null });
      expect(
        await sql(`select 1 from event_store where stream_id = ? and type = 'cv.updated'`, [cvId]),
      ).toEqual([]);

      // Nothing was left half done: the same suggestion applies cleanly afterwards.
      const applied = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`,
      );
      expect(applied.statusCode).toBe(200);
      expect(applied.json<{ version: number }>().version).toBe(2);
    });

    it('refuses a stale suggestion with 409 and changes nothing', async () => {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: { suggestions: [{ ref: 't1', suggested: 'Owns billing.', reasons: ['Short'] }] },
      });
      const [suggestion] = (
        await enhance('ann', cvId, { section: 'summary' })
      ).json<EnhanceResult>().suggestions;
      expect(suggestion.path).toBe('/basics/summary');
      const edited = await t.inject({
        method: 'PATCH',
        url: `/v1/cvs/${cvId}`,
        headers: {
          authorization: users.ann.session.authorization,
          'content-type': 'application/merge-patch+json',
          'if-match': '"1"',
        },
        payload: JSON.stringify({ document: { basics: { summary: 'Rewritten by hand.' } } }),
      });
      expect(edited.statusCode).toBe(200);

      const stale = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`,
      );

      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'ai.suggestion_stale', path: '/basics/summary' });
      const cv = (await request('ann', 'GET', `/v1/cvs/${cvId}`)).json<{
        version: number;
        document: { basics: { summary: string } };
      }>();
      expect(cv.version).toBe(2);
      expect(cv.document.basics.summary).toBe('Rewritten by hand.');
      const pending = (await request('ann', 'GET', `/v1/cvs/${cvId}/ai/suggestions`)).json<{
        items: Suggestion[];
      }>();
      expect(pending.items).toEqual([expect.objectContaining({ id: suggestion.id, stale: true })]);
    });

    it('dismisses a suggestion; it leaves the pending list and cannot be applied', async () => {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: { suggestions: [{ ref: 't1', suggested: 'Assisted with reports.', reasons: [] }] },
      });
      const [suggestion] = (
        await enhance('ann', cvId, { section: 'work', itemId: 'initech' })
      ).json<EnhanceResult>().suggestions;
      expect(suggestion.path).toBe('/work/1/summary');

      const dismissed = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/dismiss`,
      );
      expect(dismissed.statusCode).toBe(200);
      expect(dismissed.json()).toMatchObject({ id: suggestion.id, status: 'dismissed' });
      const apply = await request(
        'ann',
        'POST',
        `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`,
      );
      expect(apply.statusCode).toBe(409);
      const pending = await request('ann', 'GET', `/v1/cvs/${cvId}/ai/suggestions`);
      expect(pending.json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('answers 422 for an unknown item or a section without text, without calling the provider', async () => {
      const cvId = await newCv('ann');
      const unknown = await enhance('ann', cvId, { section: 'work', itemId: '7' });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().code).toBe('ai.item_not_found');
      const empty = await enhance('ann', cvId, { section: 'projects' });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().code).toBe('ai.nothing_to_enhance');
      const bad = await enhance('ann', cvId, { section: 'basics', tone: 'angry' });
      expect(bad.statusCode).toBe(400);
      expect(fake.requests).toHaveLength(0);
    });

    it('applies a suggestion asked for twice at once exactly once', async () => {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: { suggestions: [{ ref: 't1', suggested: 'Owns billing.', reasons: ['x'] }] },
      });
      const [suggestion] = (
        await enhance('ann', cvId, { section: 'summary' })
      ).json<EnhanceResult>().suggestions;
      const url = `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/apply`;

      const answers = await Promise.all([request('ann', 'POST', url), request('ann', 'POST', url)]);

      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const cv = (await request('ann', 'GET', `/v1/cvs/${cvId}`)).json<{ version: number }>();
      expect(cv.version).toBe(2);
    });

    it('lets API keys enhance with the cv:write scope only', async () => {
      const cvId = await newCv('ann');
      const keyWith = async (scopes: string[]) => {
        const created = await request('ann', 'POST', '/v1/me/api-keys', { name: 'AI', scopes });
        expect(created.statusCode).toBe(201);
        return created.json<{ secret: string }>().secret;
      };
      const viaKey = async (scopes: string[]) =>
        t.inject({
          method: 'POST',
          url: `/v1/cvs/${cvId}/ai/enhance`,
          headers: { 'x-api-key': await keyWith(scopes) },
          payload: { section: 'summary' },
        });

      expect((await viaKey(['cv:read'])).statusCode).toBe(403);
      const allowed = await viaKey(['cv:write']);
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json()).toMatchObject({ provider: 'openai' });
    });

    it('hides other users’ CVs and suggestions behind 404', async () => {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: { suggestions: [{ ref: 't1', suggested: 'Owns billing.', reasons: ['x'] }] },
      });
      const [suggestion] = (
        await enhance('ann', cvId, { section: 'summary' })
      ).json<EnhanceResult>().suggestions;
      const bobCv = await newCv('bob');

      expect((await enhance('bob', cvId, { section: 'summary' })).statusCode).toBe(404);
      expect((await request('bob', 'GET', `/v1/cvs/${cvId}/ai/suggestions`)).statusCode).toBe(404);
      for (const action of ['apply', 'dismiss']) {
        const own = await request(
          'bob',
          'POST',
          `/v1/cvs/${bobCv}/ai/suggestions/${suggestion.id}/${action}`,
        );
        expect(own.statusCode).toBe(404);
        const theirs = await request(
          'bob',
          'POST',
          `/v1/cvs/${cvId}/ai/suggestions/${suggestion.id}/${action}`,
        );
        expect(theirs.statusCode).toBe(404);
      }
      const skills = await request('bob', 'POST', '/v1/ai/skills-suggest', { cvId });
      expect(skills.statusCode).toBe(404);
      // Still pending for its owner.
      const pending = await request('ann', 'GET', `/v1/cvs/${cvId}/ai/suggestions`);
      expect(pending.json<{ items: unknown[] }>().items).toHaveLength(1);
    });
  });

  describe('skills', () => {
    it('suggests skills with the skills model and 500 tokens, leaving out the CV’s own', async () => {
      const cvId = await newCv('ann');
      fake.answerNext({
        content: {
          skills: [
            { name: 'docker', category: 'tool', reason: null },
            { name: 'Kubernetes', category: 'technical', reason: 'Common in backend ads' },
          ],
        },
      });

      const response = await request('ann', 'POST', '/v1/ai/skills-suggest', { cvId });

      expect(response.statusCode).toBe(200);
      const [sent] = fake.requests;
      expect(sent.model).toBe('gpt-4o-mini');
      expect(sent.max_completion_tokens).toBe(500);
      expect(JSON.stringify(sent.messages)).toContain('Backend Engineer');
      expect(response.json()).toMatchObject({
        provider: 'openai',
        model: 'gpt-4o-mini',
        skills: [{ name: 'Kubernetes', category: 'technical', reason: 'Common in backend ads' }],
      });
    });

    it('needs a CV or a job title', async () => {
      const response = await request('ann', 'POST', '/v1/ai/skills-suggest', {});
      expect(response.statusCode).toBe(400);
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('provider failures', () => {
    it('rides out a 429 with the provider’s backoff', async () => {
      fake.failNext(429, 1, 1);
      const response = await request('ann', 'POST', '/v1/ai/skills-suggest', {
        jobTitle: 'Data Engineer',
      });
      expect(response.statusCode).toBe(200);
      expect(fake.requests).toHaveLength(2);
    });

    it('answers 503 ai.unavailable after persistent 500s', async () => {
      fake.failNext(500, 3);
      const response = await request('ann', 'POST', '/v1/ai/skills-suggest', {
        jobTitle: 'Data Engineer',
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'ai.unavailable', status: 503 });
      expect(fake.requests).toHaveLength(3);
    });

    it('passes a long provider Retry-After on to the client', async () => {
      fake.failNext(429, 1, 120);
      const response = await request('ann', 'POST', '/v1/ai/skills-suggest', {
        jobTitle: 'Data Engineer',
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('120');
      expect(response.json()).toMatchObject({ code: 'ai.unavailable', retryAfter: 120 });
      expect(fake.requests).toHaveLength(1);
    });
  });

  describe('plans and limits', () => {
    it('refuses free users with 403 plan.upgrade_required (pro)', async () => {
      const cvId = await newCv('fay', { basics: { summary: 'A summary to improve.' } });
      for (const response of [
        await enhance('fay', cvId, { section: 'summary' }),
        await request('fay', 'GET', `/v1/cvs/${cvId}/ai/suggestions`),
        await request('fay', 'POST', '/v1/ai/skills-suggest', { jobTitle: 'Chef' }),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({
          code: 'plan.upgrade_required',
          requiredPlan: 'pro',
        });
      }
      expect(fake.requests).toHaveLength(0);
    });

    it('allows a pro user 10 AI calls an hour; the 11th is a 429 with Retry-After', async () => {
      for (let i = 0; i < 10; i += 1) {
        const ok = await request('pat', 'POST', '/v1/ai/skills-suggest', { jobTitle: 'Chef' });
        expect(ok.statusCode).toBe(200);
      }
      const limited = await request('pat', 'POST', '/v1/ai/skills-suggest', { jobTitle: 'Chef' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limit.exceeded');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(fake.requests).toHaveLength(10);

      const usage = await request('pat', 'GET', '/v1/me/ai-usage');
      expect(usage.json()).toMatchObject({ thisHour: { calls: 10, limit: 10 } });
    });
  });

  describe('usage', () => {
    it('records tokens per call and reports them per operation and model', async () => {
      const cvId = await newCv('eve');
      fake.answerNext({
        content: { suggestions: [{ ref: 't1', suggested: 'Owns billing.', reasons: ['x'] }] },
        usage: { prompt_tokens: 100, completion_tokens: 10 },
      });
      expect((await enhance('eve', cvId, { section: 'summary' })).statusCode).toBe(200);
      fake.answerNext({
        content: { suggestions: [] },
        usage: { prompt_tokens: 200, completion_tokens: 20 },
      });
      expect((await enhance('eve', cvId, { section: 'work' })).statusCode).toBe(200);
      fake.answerNext({
        content: { skills: [] },
        usage: { prompt_tokens: 30, completion_tokens: 3 },
      });
      expect(
        (await request('eve', 'POST', '/v1/ai/skills-suggest', { jobTitle: 'Chef' })).statusCode,
      ).toBe(200);

      const usage = await request('eve', 'GET', '/v1/me/ai-usage');

      expect(usage.statusCode).toBe(200);
      expect(usage.json()).toMatchObject({
        totals: [
          {
            operation: 'enhance',
            provider: 'openai',
            model: 'gpt-4o',
            calls: 2,
            promptTokens: 300,
            completionTokens: 30,
          },
          {
            operation: 'skills',
            provider: 'openai',
            model: 'gpt-4o-mini',
            calls: 1,
            promptTokens: 30,
            completionTokens: 3,
          },
        ],
        thisHour: { calls: 3, limit: 30 },
      });
      const past = await request(
        'eve',
        'GET',
        '/v1/me/ai-usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z',
      );
      expect(past.json()).toMatchObject({ totals: [] });
      const backwards = await request(
        'eve',
        'GET',
        '/v1/me/ai-usage?from=2021-01-01T00:00:00Z&to=2020-02-01T00:00:00Z',
      );
      expect(backwards.statusCode).toBe(400);
      // The brief's analytics event, one per enhancement.
      await eventually(async () => {
        const rows = await sql<{ n: string }>(
          `select count(*) as n from analytics_events where name = 'cv_enhanced_ai' and user_id = ?`,
          [users.eve.id],
        );
        return Number(rows[0].n) === 2;
      });
    });

    it('erases suggestions, usage and cover letters with the account', async () => {
      await add('zoe', 'premium');
      const cvId = await newCv('zoe');
      fake
        .answerNext({
          content: { suggestions: [{ ref: 't1', suggested: 'Owns billing.', reasons: [] }] },
        })
        .answerNext({
          content: { subject: null, paragraphs: ['Dear team,', 'Kind regards, Zoe'] },
        });
      expect((await enhance('zoe', cvId, { section: 'summary' })).statusCode).toBe(200);
      const letter = await request('zoe', 'POST', '/v1/cover-letters', {
        cvId,
        jobDescription: 'We need a backend engineer who knows Node.js and PostgreSQL well.',
        tone: 'professional',
      });
      expect(letter.statusCode).toBe(201);
      const counts = async () =>
        (
          await sql<{ n: string }>(
            `select (select count(*) from cv_ai_suggestions where owner_id = ?)
                  + (select count(*) from ai_usage where user_id = ?)
                  + (select count(*) from cover_letters where owner_id = ?) as n`,
            [users.zoe.id, users.zoe.id, users.zoe.id],
          )
        )[0].n;
      expect(Number(await counts())).toBe(4);

      const deleted = await t.inject({
        method: 'DELETE',
        url: '/v1/me',
        headers: { authorization: users.zoe.session.authorization },
        payload: { password: PASSWORD },
      });
      expect(deleted.statusCode).toBe(204);

      await eventually(async () => Number(await counts()) === 0);
    });
  });
});

describe('AI endpoints with no provider key', () => {
  let t: TestApp;
  const { add, request } = sessions(() => t);

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    await add('lia', 'pro');
  });
  afterAll(() => t.close());

  it('answers with the local writer, labelled provider: local', async () => {
    const created = await request('lia', 'POST', '/v1/cvs', {
      title: 'Local',
      document: DOCUMENT,
    });
    const cvId = created.json<{ id: string }>().id;

    const enhanced = await request('lia', 'POST', `/v1/cvs/${cvId}/ai/enhance`, {
      section: 'work',
    });
    expect(enhanced.statusCode).toBe(200);
    const result = enhanced.json<EnhanceResult>();
    expect(result.provider).toBe('local');
    expect(result.suggestions.length).toBeGreaterThan(0);
    // "Responsible for" is filler the rule-based writer replaces.
    const summary = result.suggestions.find((s) => s.path === '/work/0/summary');
    expect(summary?.suggested).not.toBe(summary?.original);

    const applied = await request(
      'lia',
      'POST',
      `/v1/cvs/${cvId}/ai/suggestions/${summary!.id}/apply`,
    );
    expect(applied.statusCode).toBe(200);
    expect(applied.json<{ document: typeof DOCUMENT }>().document.work[0].summary).toBe(
      summary!.suggested,
    );

    const skills = await request('lia', 'POST', '/v1/ai/skills-suggest', {
      jobTitle: 'Software Engineer',
    });
    expect(skills.json()).toMatchObject({ provider: 'local' });
    expect(skills.json<{ skills: unknown[] }>().skills.length).toBeGreaterThan(0);

    const letter = await request('lia', 'POST', '/v1/cover-letters', {
      cvId,
      jobDescription: 'ACME needs a backend engineer with TypeScript and PostgreSQL.',
      company: 'ACME',
      tone: 'friendly',
    });
    expect(letter.statusCode).toBe(201);
    expect(letter.json()).toMatchObject({ provider: 'local' });
    expect(letter.json<{ body: string }>().body).toContain('ACME');

    const usage = await request('lia', 'GET', '/v1/me/ai-usage');
    expect(usage.json<{ totals: { provider: string }[] }>().totals.map((x) => x.provider)).toEqual([
      'local',
      'local',
      'local',
    ]);
  });
});
