import { EntityManager } from '@mikro-orm/postgresql';
import { OpenAiFake, TestApp } from '@lib/testing';
import { Job } from '../src/modules/jobs';
import { createUser, signIn, type Session } from './support/accounts';

interface Match {
  jobId: string;
  cvId: string;
  score: number;
  matchedSkills: string[];
  missingSkills: string[];
  matchedKeywords: string[];
  missingKeywords: string[];
  explanation: { text: string; provider: string; model: string } | null;
}

const PASSWORD = 'correct horse battery staple';

describe('jobs: CV ↔ job matching and recommendations', () => {
  let t: TestApp;
  const sessions: Record<string, Session> = {};
  const cvs: Record<string, string> = {};
  const jobs: Record<string, string> = {};

  const call = (who: string, url: string) =>
    t.inject({ method: 'GET', url, headers: { authorization: sessions[who].authorization } });

  async function addJob(key: string, title: string, text: string, tags: string[]): Promise<void> {
    const job = new Job();
    Object.assign(job, {
      title,
      company: 'Umbra Security',
      companyKey: 'umbra security',
      remote: true,
      descriptionHtml: `<p>${text}</p>`,
      descriptionText: text,
      tags,
      postedAt: new Date(),
      fingerprint: `match-${key}`,
    });
    await t.get(EntityManager).fork().persistAndFlush(job);
    jobs[key] = job.id;
  }

  beforeAll(async () => {
    t = await TestApp.create({ env: { JOB_SAMPLE_COUNT: '0' } });
    for (const [name, tier] of [
      ['ann', 'free'],
      ['bob', 'free'],
      ['pia', 'pro'],
    ] as const) {
      const email = `${name}@match.test`;
      await createUser(t, { email, password: PASSWORD, tier });
      sessions[name] = await signIn(t, email, PASSWORD);
      const cv = await t.inject({
        method: 'POST',
        url: '/v1/cvs',
        headers: { authorization: sessions[name].authorization },
        payload: {
          title: `${name}'s CV`,
          document: {
            basics: { name, label: 'Backend Engineer', summary: 'I build payment APIs.' },
            work: [
              {
                name: 'Globex',
                position: 'Backend Engineer',
                highlights: ['Built payment APIs in TypeScript on PostgreSQL'],
              },
            ],
            skills: [{ name: 'TypeScript' }, { name: 'PostgreSQL' }],
          },
        },
      });
      expect(cv.statusCode).toBe(201);
      cvs[name] = cv.json<{ id: string }>().id;
    }
    await addJob(
      'backend',
      'Senior Backend Engineer',
      'Build payment APIs in TypeScript and PostgreSQL on Kubernetes. Own PostgreSQL performance.',
      ['typescript', 'postgresql', 'kubernetes'],
    );
    await addJob(
      'frontend',
      'Frontend Engineer',
      'Build design systems in TypeScript and React for our web apps.',
      ['typescript', 'react', 'css'],
    );
    await addJob('accounts', 'Accountant', 'Close the books every month in SAP.', ['sap']);
  });
  afterAll(() => t.close());

  it('scores a CV against a job with matched and missing skills, the same every time', async () => {
    const url = `/v1/jobs/${jobs.backend}/match?cvId=${cvs.ann}`;
    const response = await call('ann', url);
    expect(response.statusCode).toBe(200);
    const match = response.json<Match>();
    expect(match).toMatchObject({
      jobId: jobs.backend,
      cvId: cvs.ann,
      matchedSkills: ['typescript', 'postgresql'],
      missingSkills: ['kubernetes'],
      explanation: null,
    });
    expect(match.matchedKeywords).toEqual(expect.arrayContaining(['payment', 'apis']));
    expect(match.missingKeywords).toContain('kubernetes');
    expect(match.score).toBeGreaterThan(40);
    expect(match.score).toBeLessThan(100);
    expect((await call('ann', url)).json<Match>()).toEqual(match);

    const weak = (
      await call('ann', `/v1/jobs/${jobs.accounts}/match?cvId=${cvs.ann}`)
    ).json<Match>();
    expect(weak.score).toBeLessThan(match.score);
    expect(weak.missingSkills).toEqual(['sap']);
  });

  it('explains the match for Pro (local rules without a configured model)', async () => {
    const match = (
      await call('pia', `/v1/jobs/${jobs.backend}/match?cvId=${cvs.pia}`)
    ).json<Match>();
    expect(match.explanation).toMatchObject({ provider: 'local', model: 'rules-v1' });
    expect(match.explanation!.text).toContain(`${match.score}/100`);
    expect(match.explanation!.text).toContain('kubernetes');
  });

  it('with a configured model, Pro gets its explanation of the deterministic result; Free sends nothing to it', async () => {
    const fake = new OpenAiFake();
    const { baseURL } = await fake.start();
    const withModel = await TestApp.create({
      role: 'api',
      replicaOf: t,
      env: { OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: baseURL },
    });
    try {
      const ask = (who: string) =>
        withModel.inject({
          method: 'GET',
          url: `/v1/jobs/${jobs.backend}/match?cvId=${cvs[who]}`,
          headers: { authorization: sessions[who].authorization },
        });
      const free = await ask('ann');
      expect(free.json<Match>().explanation).toBeNull();
      expect(fake.requests).toHaveLength(0);

      fake.answerNext({
        content: { explanation: 'Strong on TypeScript and PostgreSQL; learn Kubernetes next.' },
      });
      const pro = (await ask('pia')).json<Match>();
      expect(pro.explanation).toMatchObject({
        provider: 'openai',
        text: 'Strong on TypeScript and PostgreSQL; learn Kubernetes next.',
      });
      const local = (
        await call('pia', `/v1/jobs/${jobs.backend}/match?cvId=${cvs.pia}`)
      ).json<Match>();
      expect({ ...pro, explanation: null }).toEqual({ ...local, explanation: null });
      expect(fake.requests).toHaveLength(1);
      const prompt = JSON.stringify(fake.requests[0].messages);
      expect(prompt).toContain(`Score: ${pro.score}/100`);
      expect(prompt).toContain('Skills the CV lacks: kubernetes');
    } finally {
      await withModel.close();
      await fake.stop();
    }
  });

  it('another user’s CV, an unknown job or no CV: 404, 404, 400', async () => {
    const others = await call('bob', `/v1/jobs/${jobs.backend}/match?cvId=${cvs.ann}`);
    expect(others.statusCode).toBe(404);
    const recommended = await call('bob', `/v1/jobs/recommended?cvId=${cvs.ann}`);
    expect(recommended.statusCode).toBe(404);
    const unknown = await call(
      'ann',
      `/v1/jobs/01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f/match?cvId=${cvs.ann}`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('job.not_found');
    expect((await call('ann', `/v1/jobs/${jobs.backend}/match`)).statusCode).toBe(400);
    const anonymous = await t.inject({
      method: 'GET',
      url: `/v1/jobs/recommended?cvId=${cvs.ann}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('recommends the jobs that fit the CV best first', async () => {
    const response = await call('ann', `/v1/jobs/recommended?cvId=${cvs.ann}&limit=5`);
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Array<{ job: { id: string }; match: Match }> }>().items;
    expect(items.map((i) => i.job.id)).toEqual([jobs.backend, jobs.frontend]);
    expect(items[0].match.score).toBeGreaterThanOrEqual(items[1].match.score);
    expect(items[1].match.missingSkills).toEqual(['react', 'css']);
  });
});
