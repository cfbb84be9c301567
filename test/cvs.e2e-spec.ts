import { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG } from '@lib/authz';
import { EventStore } from '@lib/event-store';
import { TestApp } from '@lib/testing';
import { ForgetDeletedUserHandler } from '../src/modules/analytics/event-handlers/forget-deleted-user.handler';
import { EraseCvsOfDeletedUserHandler } from '../src/modules/cv/event-handlers/erase-cvs-of-deleted-user.handler';
import { UserDeleted } from '../src/modules/identity';
import { createUser, signIn, type Session } from './support/accounts';
import { INVALID_JSON_RESUME, JSON_RESUME_SAMPLES } from './support/json-resume-samples';

const PASSWORD = 'correct-horse-battery';

interface CvBody {
  id: string;
  title: string;
  document: Record<string, unknown>;
  layout: Record<string, unknown> & { template: string; theme: Record<string, string> };
  version: number;
}

describe('CVs', () => {
  let t: TestApp;
  const users: Record<string, { id: string; session: Session }> = {};

  async function user(name: string, tier: 'free' | 'pro' | 'premium') {
    const email = `${name}@example.test`;
    const id = await createUser(t, { email, password: PASSWORD, tier });
    users[name] = { id, session: await signIn(t, email, PASSWORD) };
  }

  const request = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.inject({
      method,
      url,
      headers: { authorization: users[who].session.authorization, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  async function newCv(who: string, body: object = { title: 'My CV' }): Promise<CvBody> {
    const response = await request(who, 'POST', '/v1/cvs', body);
    expect(response.statusCode).toBe(201);
    return response.json<CvBody>();
  }

  const mergePatch = (who: string, id: string, patch: unknown, ifMatch?: string) =>
    request(who, 'PATCH', `/v1/cvs/${id}`, JSON.stringify(patch), {
      'content-type': 'application/merge-patch+json',
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    });

  const cvCount = async (ownerId: string) =>
    Number(
      (
        await t
          .get(EntityManager)
          .fork()
          .execute<{ n: string }[]>('select count(*) as n from cvs where owner_id = ?', [ownerId])
      )[0].n,
    );

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    await user('ann', 'premium');
    await user('bob', 'premium');
    await user('fay', 'free');
    await user('pat', 'pro');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('create, read, list, delete', () => {
    it('creates a CV with default layout and answers it with an ETag', async () => {
      const response = await request('ann', 'POST', '/v1/cvs', {
        title: 'Backend engineer',
        layout: { pageSize: 'Letter', theme: { accentColor: '#aa3300' } },
      });
      expect(response.statusCode).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      const cv = response.json<CvBody>();
      expect(cv).toMatchObject({ title: 'Backend engineer', version: 1, document: {} });
      expect(cv.layout).toMatchObject({
        template: 'modern',
        pageSize: 'Letter',
        theme: { accentColor: '#aa3300', font: 'Noto Sans' },
        language: 'en',
      });

      const read = await request('ann', 'GET', `/v1/cvs/${cv.id}`, undefined, {
        origin: t.config.env.FRONTEND_URL,
      });
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      // A browser app on another origin can read the ETag it must send back.
      expect(String(read.headers['access-control-expose-headers'])).toContain('ETag');
      expect(read.json()).toEqual(cv);
    });

    it('refuses bad layouts and bad documents, creating nothing', async () => {
      const before = await cvCount(users.ann.id);
      const badLayout = await request('ann', 'POST', '/v1/cvs', {
        title: 'x',
        layout: {
          template: 'fancy',
          pageSize: 'A3',
          theme: { accentColor: 'red' },
          sectionOrder: ['work', 'hobbies'],
          extra: 1,
        },
      });
      expect(badLayout.statusCode).toBe(400);
      const paths = badLayout.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '$.layout.template',
          '$.layout.pageSize',
          '$.layout.theme.accentColor',
          '$.layout.sectionOrder',
          '$.layout.extra',
        ]),
      );
      const badDocument = await request('ann', 'POST', '/v1/cvs', {
        title: 'x',
        document: { basics: { email: 'nope' } },
      });
      expect(badDocument.statusCode).toBe(422);
      expect(badDocument.json()).toMatchObject({
        code: 'cv.invalid_json_resume',
        errors: [{ path: '$.document.basics.email', message: 'must be a valid email' }],
      });
      const nulTitle = await request('ann', 'POST', '/v1/cvs', { title: 'a\u0000b' });
      expect(nulTitle.statusCode).toBe(400);
      expect(await cvCount(users.ann.id)).toBe(before);
    });

    it('lists own CVs newest first in cursor pages, and never others’', async () => {
      const mine = [];
      for (let i = 0; i < 3; i += 1) mine.push(await newCv('bob', { title: `Bob ${i}` }));
      await newCv('pat', { title: 'Pat' });
      const first = await request('bob', 'GET', '/v1/cvs?limit=2');
      expect(first.statusCode).toBe(200);
      const page1 = first.json<{ items: { id: string; title: string }[]; nextCursor: string }>();
      expect(page1.items.map((c) => c.title)).toEqual(['Bob 2', 'Bob 1']);
      expect(page1.items[0]).not.toHaveProperty('document');
      const second = await request('bob', 'GET', `/v1/cvs?limit=2&cursor=${page1.nextCursor}`);
      const page2 = second.json<{ items: { title: string }[]; nextCursor: string | null }>();
      expect(page2.items.map((c) => c.title)).toEqual(['Bob 0']);
      expect(page2.nextCursor).toBeNull();
      for (const cv of mine) await request('bob', 'DELETE', `/v1/cvs/${cv.id}`);
    });

    it('hides another user’s CV, its versions and exports behind a 404', async () => {
      const cv = await newCv('ann', { title: 'Private' });
      for (const [method, url, payload] of [
        ['GET', `/v1/cvs/${cv.id}`],
        ['GET', `/v1/cvs/${cv.id}/versions`],
        ['GET', `/v1/cvs/${cv.id}/versions/1`],
        ['GET', `/v1/cvs/${cv.id}/diff?from=1&to=1`],
        ['GET', `/v1/cvs/${cv.id}/export/json-resume`],
        ['GET', `/v1/cvs/${cv.id}/share`],
        ['GET', `/v1/cvs/${cv.id}/stats`],
        ['POST', `/v1/cvs/${cv.id}/versions/1/restore`],
        ['POST', `/v1/cvs/${cv.id}/versions/1/label`, { label: 'mine now' }],
        ['POST', `/v1/cvs/${cv.id}/duplicate`, {}],
        ['POST', `/v1/cvs/${cv.id}/share`, { visibility: 'public' }],
        ['PATCH', `/v1/cvs/${cv.id}`, { title: 'Stolen', version: 1 }],
        ['DELETE', `/v1/cvs/${cv.id}`],
        ['DELETE', `/v1/cvs/${cv.id}/share`],
      ] as const) {
        const response = await request('bob', method, url, payload);
        expect([`${method} ${url}`, response.statusCode]).toEqual([`${method} ${url}`, 404]);
        expect(response.json().code).toBe('cv.not_found');
      }
      const unchanged = await request('ann', 'GET', `/v1/cvs/${cv.id}`);
      expect(unchanged.json()).toMatchObject({ title: 'Private', version: 1 });
    });

    it('deletes a CV: gone from reads and lists, recorded as an event', async () => {
      const cv = await newCv('pat', { title: 'To delete' });
      expect((await request('pat', 'DELETE', `/v1/cvs/${cv.id}`)).statusCode).toBe(204);
      expect((await request('pat', 'GET', `/v1/cvs/${cv.id}`)).statusCode).toBe(404);
      const list = await request('pat', 'GET', '/v1/cvs');
      expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(cv.id);
      const events = await t.get(EventStore).readStream(t.get(EntityManager).fork(), 'cv', cv.id);
      expect(events.map((e) => e.type)).toEqual(['cv.created', 'cv.deleted']);
      expect(events[1].metadata.actor).toEqual({ type: 'user', id: users.pat.id });
    });
  });

  describe('plan quotas and templates', () => {
    it('stops a free user at the CV quota with plan.quota_exceeded, counting imports and copies', async () => {
      const limit = PLAN_CATALOG.free.quotas.cvs;
      const first = await newCv('fay', { title: 'Fay 0' });
      const imported = await request('fay', 'POST', '/v1/cvs/import/json-resume', {});
      expect(imported.statusCode).toBe(201);
      for (let i = 2; i < limit; i += 1) await newCv('fay', { title: `Fay ${i}` });
      for (const [url, payload] of [
        ['/v1/cvs', { title: 'one too many' }],
        ['/v1/cvs/import/json-resume', {}],
        [`/v1/cvs/${first.id}/duplicate`, {}],
      ] as const) {
        const refused = await request('fay', 'POST', url, payload);
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({
          code: 'plan.quota_exceeded',
          quota: 'cvs',
          limit,
          requiredPlan: 'pro',
        });
      }
      expect(await cvCount(users.fay.id)).toBe(limit);
      // Deleting one makes room again.
      await request('fay', 'DELETE', `/v1/cvs/${first.id}`);
      await newCv('fay', { title: 'Fay again' });
    });

    it('holds the quota under concurrent creation', async () => {
      await user('cat', 'free');
      const limit = PLAN_CATALOG.free.quotas.cvs;
      const responses = await Promise.all(
        Array.from({ length: limit + 3 }, (_, i) =>
          request('cat', 'POST', '/v1/cvs', { title: `Cat ${i}` }),
        ),
      );
      const codes = responses.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(limit);
      expect(codes.filter((c) => c === 403)).toHaveLength(3);
      expect(await cvCount(users.cat.id)).toBe(limit);
    });

    it('gives premium templates to pro and premium only (plan.upgrade_required otherwise)', async () => {
      await user('gus', 'free');
      for (const template of ['creative', 'executive', 'tech']) {
        const refused = await request('gus', 'POST', '/v1/cvs', {
          title: 'x',
          layout: { template },
        });
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({
          code: 'plan.upgrade_required',
          requiredPlan: 'pro',
          feature: 'premiumTemplates',
        });
      }
      const basic = await newCv('gus', { title: 'Basic', layout: { template: 'minimal' } });
      const switchToPremium = await mergePatch(
        'gus',
        basic.id,
        { layout: { template: 'tech' } },
        '"1"',
      );
      expect(switchToPremium.statusCode).toBe(403);
      expect(switchToPremium.json().code).toBe('plan.upgrade_required');
      expect((await request('gus', 'GET', `/v1/cvs/${basic.id}`)).json()).toMatchObject({
        version: 1,
        layout: { template: 'minimal' },
      });
      const pro = await newCv('pat', { title: 'Pro', layout: { template: 'executive' } });
      expect(pro.layout.template).toBe('executive');
    });
  });

  describe('JSON Resume import and export', () => {
    it.each(Object.entries(JSON_RESUME_SAMPLES))(
      'round-trips %s losslessly',
      async (_name, sample) => {
        const imported = await request('ann', 'POST', '/v1/cvs/import/json-resume', sample);
        expect(imported.statusCode).toBe(201);
        const cv = imported.json<CvBody>();
        expect(cv.document).toEqual(sample);
        const exported = await request('ann', 'GET', `/v1/cvs/${cv.id}/export/json-resume`);
        expect(exported.statusCode).toBe(200);
        expect(exported.headers['content-disposition']).toMatch(
          /^attachment; filename=".+"; filename\*=UTF-8''/,
        );
        expect(exported.json()).toEqual(sample);
        // The same document through POST /v1/cvs is kept as it is too.
        const created = await request('ann', 'POST', '/v1/cvs', {
          title: 'Direct',
          document: sample,
        });
        expect(created.statusCode).toBe(201);
        const direct = await request(
          'ann',
          'GET',
          `/v1/cvs/${created.json<CvBody>().id}/export/json-resume`,
        );
        expect(direct.json()).toEqual(sample);
        await request('ann', 'DELETE', `/v1/cvs/${cv.id}`);
        await request('ann', 'DELETE', `/v1/cvs/${created.json<CvBody>().id}`);
      },
    );

    it('names an import after basics, or after ?title=', async () => {
      const sample = JSON_RESUME_SAMPLES['non-Latin scripts'];
      const named = await request('ann', 'POST', '/v1/cvs/import/json-resume', sample);
      expect(named.json<CvBody>().title).toBe(
        'Анна Каренина — Ἀρχιτέκτων — 建筑师 — مهندسة معمارية — אדריכלית',
      );
      const titled = await request(
        'ann',
        'POST',
        `/v1/cvs/import/json-resume?title=${encodeURIComponent('Для ACME')}`,
        sample,
      );
      expect(titled.json<CvBody>().title).toBe('Для ACME');
      await request('ann', 'DELETE', `/v1/cvs/${named.json<CvBody>().id}`);
      await request('ann', 'DELETE', `/v1/cvs/${titled.json<CvBody>().id}`);
    });

    it('answers 422 with the path of every problem and creates nothing', async () => {
      const before = await cvCount(users.ann.id);
      const response = await request(
        'ann',
        'POST',
        '/v1/cvs/import/json-resume',
        INVALID_JSON_RESUME.document,
      );
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = response.json<{ code: string; errors: { path: string; message: string }[] }>();
      expect(body.code).toBe('cv.invalid_json_resume');
      expect(body.errors.map((e) => e.path).sort()).toEqual([...INVALID_JSON_RESUME.paths].sort());
      expect(body.errors.find((e) => e.path === '$.work[0].startDate')?.message).toBe(
        'must be a date: YYYY, YYYY-MM or YYYY-MM-DD',
      );
      for (const notAnObject of [[], '"text"', 42]) {
        const refused = await t.inject({
          method: 'POST',
          url: '/v1/cvs/import/json-resume',
          headers: {
            authorization: users.ann.session.authorization,
            'content-type': 'application/json',
          },
          payload: JSON.stringify(notAnObject),
        });
        expect(refused.statusCode).toBe(422);
        expect(refused.json().errors).toEqual([{ path: '$', message: 'must be object' }]);
      }
      const nul = await request('ann', 'POST', '/v1/cvs/import/json-resume', {
        basics: { name: 'A\u0000B' },
      });
      expect(nul.statusCode).toBe(422);
      expect(nul.json().errors).toEqual([
        { path: '$.basics.name', message: 'must not contain U+0000' },
      ]);
      expect(await cvCount(users.ann.id)).toBe(before);
    });
  });

  describe('versions', () => {
    it('makes five versions from five edits, with history, diff, labels and restore', async () => {
      const cv = await newCv('ann', {
        title: 'Versioned',
        document: { basics: { name: 'Ann' }, work: [{ name: 'ACME', position: 'Engineer' }] },
      });
      const edits: [string, unknown][] = [
        ['merge', { document: { basics: { label: 'Engineer' } } }],
        ['sections', { sections: { skills: [{ name: 'Go' }] } }],
        ['merge', { title: 'Versioned (ACME)' }],
        ['sections', { layout: { template: 'classic' } }],
        [
          'merge',
          {
            document: {
              work: [{ name: 'ACME', position: 'Lead Engineer', highlights: ['Grew revenue 20%'] }],
            },
          },
        ],
      ];
      let version = 1;
      for (const [kind, change] of edits) {
        const response =
          kind === 'merge'
            ? await mergePatch('ann', cv.id, change, `"${version}"`)
            : await request('ann', 'PATCH', `/v1/cvs/${cv.id}`, { ...(change as object), version });
        expect([kind, response.statusCode, response.body.slice(0, 300)]).toEqual([
          kind,
          200,
          expect.any(String),
        ]);
        version += 1;
        expect(response.headers.etag).toBe(`"${version}"`);
        expect(response.json<CvBody>().version).toBe(version);
      }

      const list = await request('ann', 'GET', `/v1/cvs/${cv.id}/versions?limit=4`);
      expect(list.statusCode).toBe(200);
      const page = list.json<{
        items: { version: number; kind: string; actor: unknown; summary: string }[];
        nextCursor: string;
      }>();
      expect(page.items.map((v) => v.version)).toEqual([6, 5, 4, 3]);
      expect(page.items[0]).toMatchObject({
        kind: 'updated',
        actor: { type: 'user', id: users.ann.id },
        summary: 'Changed work',
      });
      const rest = await request(
        'ann',
        'GET',
        `/v1/cvs/${cv.id}/versions?cursor=${page.nextCursor}`,
      );
      expect(rest.json<{ items: { version: number; kind: string }[] }>().items).toEqual([
        expect.objectContaining({ version: 2, kind: 'updated' }),
        expect.objectContaining({ version: 1, kind: 'created' }),
      ]);

      const v3 = await request('ann', 'GET', `/v1/cvs/${cv.id}/versions/3`);
      expect(v3.statusCode).toBe(200);
      expect(v3.json()).toMatchObject({
        version: 3,
        title: 'Versioned',
        document: { basics: { name: 'Ann', label: 'Engineer' }, skills: [{ name: 'Go' }] },
        layout: { template: 'modern' },
      });
      expect((await request('ann', 'GET', `/v1/cvs/${cv.id}/versions/7`)).json().code).toBe(
        'cv.version_not_found',
      );

      const diff = await request('ann', 'GET', `/v1/cvs/${cv.id}/diff?from=1&to=6`);
      expect(diff.statusCode).toBe(200);
      const { patch, changes } = diff.json<{
        patch: { path: string }[];
        changes: { text: string }[];
      }>();
      expect(patch.map((op) => op.path)).toEqual(
        expect.arrayContaining([
          '/title',
          '/document/basics/label',
          '/document/skills',
          '/layout/template',
        ]),
      );
      expect(changes.map((c) => c.text)).toEqual(
        expect.arrayContaining([
          'Changed title from "Versioned" to "Versioned (ACME)"',
          'Changed layout.template from "modern" to "classic"',
          'Added document.basics.label: "Engineer"',
        ]),
      );

      const labelled = await request('ann', 'POST', `/v1/cvs/${cv.id}/versions/4/label`, {
        label: 'sent to ACME, 2026-11-20',
      });
      expect(labelled.statusCode).toBe(200);
      expect(
        (await request('ann', 'POST', `/v1/cvs/${cv.id}/versions/9/label`, { label: 'x' }))
          .statusCode,
      ).toBe(404);

      const restored = await request('ann', 'POST', `/v1/cvs/${cv.id}/versions/4/restore`);
      expect(restored.statusCode).toBe(200);
      expect(restored.headers.etag).toBe('"7"');
      const v4 = (await request('ann', 'GET', `/v1/cvs/${cv.id}/versions/4`)).json<CvBody>();
      const current = restored.json<CvBody>();
      expect({ title: current.title, document: current.document, layout: current.layout }).toEqual({
        title: v4.title,
        document: v4.document,
        layout: v4.layout,
      });
      const latest = (await request('ann', 'GET', `/v1/cvs/${cv.id}/versions?limit=1`)).json<{
        items: unknown[];
      }>().items;
      expect(latest).toEqual([
        expect.objectContaining({
          version: 7,
          kind: 'restored',
          restoredFrom: 4,
          summary: 'Restored version 4',
        }),
      ]);
      const v4Listed = (await request('ann', 'GET', `/v1/cvs/${cv.id}/versions?limit=10`))
        .json<{
          items: { version: number; label: string | null }[];
        }>()
        .items.find((v) => v.version === 4);
      expect(v4Listed?.label).toBe('sent to ACME, 2026-11-20');
      const toRestored = await request('ann', 'GET', `/v1/cvs/${cv.id}/diff?from=4&to=7`);
      expect(toRestored.json()).toMatchObject({ patch: [], changes: [] });
    });

    it('rebuilds versions from the events, not from the current row', async () => {
      const cv = await newCv('ann', { title: 'Original' });
      await mergePatch('ann', cv.id, { title: 'Second' }, '"1"');
      // Tamper with the row: history must not follow.
      await t
        .get(EntityManager)
        .fork()
        .execute(`update cvs set title = 'Tampered' where id = ?`, [cv.id]);
      expect((await request('ann', 'GET', `/v1/cvs/${cv.id}/versions/2`)).json().title).toBe(
        'Second',
      );
      expect((await request('ann', 'GET', `/v1/cvs/${cv.id}/versions/1`)).json().title).toBe(
        'Original',
      );
    });

    it('refuses a stale If-Match with 412 and changes nothing; no precondition is a 428', async () => {
      const cv = await newCv('ann', { title: 'Concurrent' });
      expect((await mergePatch('ann', cv.id, { title: 'First writer' }, '"1"')).statusCode).toBe(
        200,
      );
      const stale = await mergePatch('ann', cv.id, { title: 'Second writer' }, '"1"');
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({ code: 'cv.version_conflict', currentVersion: 2 });
      const staleBody = await request('ann', 'PATCH', `/v1/cvs/${cv.id}`, {
        title: 'Third',
        version: 1,
      });
      expect(staleBody.statusCode).toBe(412);
      const none = await mergePatch('ann', cv.id, { title: 'Blind' });
      expect(none.statusCode).toBe(428);
      expect(none.json().code).toBe('cv.precondition_required');
      const current = await request('ann', 'GET', `/v1/cvs/${cv.id}`);
      expect(current.json()).toMatchObject({ title: 'First writer', version: 2 });
      const versions = (await request('ann', 'GET', `/v1/cvs/${cv.id}/versions`)).json<{
        items: unknown[];
      }>();
      expect(versions.items).toHaveLength(2);
      // If-Match: * overwrites deliberately.
      expect((await mergePatch('ann', cv.id, { title: 'Forced' }, '*')).statusCode).toBe(200);
    });

    it('lets only one of two concurrent writers on the same version win', async () => {
      const cv = await newCv('ann', { title: 'Race' });
      const [a, b] = await Promise.all([
        mergePatch('ann', cv.id, { title: 'A' }, '"1"'),
        mergePatch('ann', cv.id, { title: 'B' }, '"1"'),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      expect((await request('ann', 'GET', `/v1/cvs/${cv.id}`)).json().version).toBe(2);
    });

    it('applies merge patches per RFC 7386 and validates the result', async () => {
      const cv = await newCv('ann', {
        title: 'Merge',
        document: {
          basics: { name: 'Ann', phone: '123', 'x-note': 'keep' },
          skills: [{ name: 'Go' }],
        },
        layout: { template: 'classic', theme: { accentColor: '#112233' } },
      });
      const patched = await mergePatch(
        'ann',
        cv.id,
        {
          document: { basics: { phone: null, label: 'Dev' }, skills: [{ name: 'Rust' }] },
          layout: { template: null },
        },
        '"1"',
      );
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        document: {
          basics: { name: 'Ann', label: 'Dev', 'x-note': 'keep' },
          skills: [{ name: 'Rust' }],
        },
        layout: { template: 'modern', theme: { accentColor: '#112233' } },
      });
      expect(patched.json<CvBody>().document.basics).not.toHaveProperty('phone');

      for (const [patch, status, path] of [
        [{ owner: 'me' }, 400, '$.owner'],
        [{ title: null }, 400, '$.title'],
        [{ layout: { pageSize: 'A5' } }, 400, '$.layout.pageSize'],
        [{ document: { work: [{ startDate: 'yesterday' }] } }, 422, '$.document.work[0].startDate'],
      ] as const) {
        const refused = await mergePatch('ann', cv.id, patch, '"2"');
        expect(refused.statusCode).toBe(status);
        expect(refused.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(
          path,
        );
      }
      const unchanged = await mergePatch('ann', cv.id, { title: 'Merge' }, '"2"');
      expect(unchanged.json()).toMatchObject({ version: 2 });
    });

    it('duplicates a CV into a new one with its own history', async () => {
      const cv = await newCv('ann', { title: 'Source', document: { basics: { name: 'Ann' } } });
      await mergePatch('ann', cv.id, { title: 'Source v2' }, '"1"');
      const copy = await t.inject({
        method: 'POST',
        url: `/v1/cvs/${cv.id}/duplicate`,
        headers: { authorization: users.ann.session.authorization },
      });
      expect(copy.statusCode).toBe(201);
      expect(copy.json()).toMatchObject({
        title: 'Source v2 (copy)',
        version: 1,
        document: { basics: { name: 'Ann' } },
      });
      expect(copy.json<CvBody>().id).not.toBe(cv.id);
      const history = (
        await request('ann', 'GET', `/v1/cvs/${copy.json<CvBody>().id}/versions`)
      ).json<{ items: unknown[] }>();
      expect(history.items).toHaveLength(1);
    });
  });

  describe('request formats and API keys', () => {
    it('refuses malformed merge-patch JSON and unknown media types, changing nothing', async () => {
      const cv = await newCv('ann', { title: 'Formats' });
      const broken = await request('ann', 'PATCH', `/v1/cvs/${cv.id}`, '{"title": ', {
        'content-type': 'application/merge-patch+json',
        'if-match': '"1"',
      });
      expect(broken.statusCode).toBe(400);
      const text = await request('ann', 'PATCH', `/v1/cvs/${cv.id}`, 'title=x', {
        'content-type': 'text/plain',
        'if-match': '"1"',
      });
      expect(text.statusCode).toBe(415);
      const badSections = await request('ann', 'PATCH', `/v1/cvs/${cv.id}`, {
        version: 1,
        sections: 'work',
        owner: 'me',
      });
      expect(badSections.statusCode).toBe(400);
      expect(badSections.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(
        expect.arrayContaining(['$.sections', '$.owner']),
      );
      expect((await request('ann', 'GET', `/v1/cvs/${cv.id}`)).json().version).toBe(1);
    });

    it('lets Premium API keys read with cv:read and write only with cv:write', async () => {
      const key = async (scopes: string[]) => {
        const response = await request('ann', 'POST', '/v1/me/api-keys', { name: 'cv', scopes });
        expect(response.statusCode).toBe(201);
        return response.json<{ secret: string }>().secret;
      };
      const readOnly = await key(['cv:read']);
      const withKey = (secret: string, method: 'GET' | 'POST', url: string, payload?: object) =>
        t.inject({
          method,
          url,
          headers: { 'x-api-key': secret },
          ...(payload ? { payload } : {}),
        });
      expect((await withKey(readOnly, 'GET', '/v1/cvs')).statusCode).toBe(200);
      const refused = await withKey(readOnly, 'POST', '/v1/cvs', { title: 'By key' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'auth.scope_required',
        requiredScope: 'cv:write',
      });
      const writer = await key(['cv:write']);
      const created = await withKey(writer, 'POST', '/v1/cvs', { title: 'By key' });
      expect(created.statusCode).toBe(201);
      const events = await t
        .get(EventStore)
        .readStream(t.get(EntityManager).fork(), 'cv', created.json<CvBody>().id);
      expect(events[0].metadata.actor).toMatchObject({ id: users.ann.id });
    });
  });

  describe('events, analytics and erasure', () => {
    it('records cv_created analytics once per created CV', async () => {
      await user('eve', 'pro');
      const cv = await newCv('eve', { title: 'Analysed' });
      const rows = await t
        .get(EntityManager)
        .fork()
        .execute<{ name: string; properties: Record<string, unknown> }[]>(
          `select name, properties from analytics_events where user_id = ? and name = 'cv_created'`,
          [users.eve.id],
        );
      expect(rows).toEqual([{ name: 'cv_created', properties: { cvId: cv.id, source: 'blank' } }]);
    });

    it('erases every CV of a user for account deletion, recording cv.deleted', async () => {
      await user('del', 'pro');
      const a = await newCv('del', { title: 'A' });
      await newCv('del', { title: 'B' });
      await request('del', 'POST', `/v1/cvs/${a.id}/share`, { visibility: 'public' });
      const analytics = async () => {
        const [row] = await t
          .get(EntityManager)
          .fork()
          .execute<{ own: string; all: string }[]>(
            `select count(*) filter (where user_id = ?) as own, count(*) as all from analytics_events where name = 'cv_created'`,
            [users.del.id],
          );
        return { own: Number(row.own), all: Number(row.all) };
      };
      const before = await analytics();
      expect(before.own).toBe(2); // the two cv_created events
      await t.get(EraseCvsOfDeletedUserHandler).handle(new UserDeleted(users.del.id));
      expect(await cvCount(users.del.id)).toBe(0);
      await t.get(ForgetDeletedUserHandler).handle(new UserDeleted(users.del.id));
      // The events stay, as anonymous counts.
      expect(await analytics()).toEqual({ own: 0, all: before.all });
      const events = await t.get(EventStore).readStream(t.get(EntityManager).fork(), 'cv', a.id);
      expect(events.at(-1)).toMatchObject({
        type: 'cv.deleted',
        payload: { reason: 'account_deleted' },
      });
    });
  });
});
