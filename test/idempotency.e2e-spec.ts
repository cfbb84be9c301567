import { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from '@lib/testing';
import { IdempotencyRecord, IdempotencyStore } from '../src/modules/idempotency';
import { User, UserDeleted } from '../src/modules/identity';
import { EraseIdempotencyRecordsOfDeletedUserHandler } from '../src/modules/identity/event-handlers/erase-idempotency-records-of-deleted-user.handler';
import { createUser, signIn } from './support/accounts';
import { multipartBody } from './support/multipart';

describe('Idempotency-Key on creating POSTs', () => {
  let t: TestApp;
  let ada: string;
  let bob: string;

  const createCv = (authorization: string, key: string | undefined, title: string) =>
    t.inject({
      method: 'POST',
      url: '/v1/cvs',
      headers: { authorization, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: { title },
    });

  const cvIds = async (authorization: string): Promise<string[]> => {
    const list = await t.inject({ method: 'GET', url: '/v1/cvs', headers: { authorization } });
    expect(list.statusCode).toBe(200);
    return list.json<{ items: { id: string }[] }>().items.map((cv) => cv.id);
  };

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    for (const name of ['ada', 'bob']) {
      await createUser(t, {
        email: `${name}@idem.test`,
        password: 'pw-idem-1234',
        tier: 'premium',
      });
    }
    ada = (await signIn(t, 'ada@idem.test', 'pw-idem-1234')).authorization;
    bob = (await signIn(t, 'bob@idem.test', 'pw-idem-1234')).authorization;
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes one CV from 20 concurrent POSTs with one key, and answers all 20 alike', async () => {
    const before = await cvIds(ada);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => createCv(ada, 'concurrent-1', 'Concurrent CV')),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const bodies = new Set(responses.map((r) => r.body));
    expect(bodies.size).toBe(1);
    const etags = new Set(responses.map((r) => r.headers.etag));
    expect(etags.size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);

    const after = await cvIds(ada);
    expect(after.filter((id) => !before.includes(id))).toEqual([responses[0].json().id]);
  });

  it('makes one file from concurrent multipart uploads with one key; other bytes or name → 422', async () => {
    const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
    const upload = (key: string, content: Buffer, filename = 'cv.pdf') => {
      const body = multipartBody([['kind', 'cv-file']], {
        filename,
        content,
        contentType: 'application/pdf',
      });
      return t.inject({
        method: 'POST',
        url: '/v1/files',
        headers: { ...body.headers, authorization: ada, 'idempotency-key': key },
        payload: body.payload,
      });
    };
    const fileIds = async () =>
      (await t.inject({ method: 'GET', url: '/v1/files', headers: { authorization: ada } }))
        .json<{ items: { id: string }[] }>()
        .items.map((file) => file.id);
    const before = await fileIds();

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => upload('upload-1', pdf('one'))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(5).fill(201));
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    const made = (await fileIds()).filter((id) => !before.includes(id));
    expect(made).toEqual([responses[0].json<{ id: string }>().id]);

    const retry = await upload('upload-1', pdf('one'));
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(responses[0].body);
    for (const other of [
      await upload('upload-1', pdf('two')),
      await upload('upload-1', pdf('one'), 'b.pdf'),
    ]) {
      expect(other.statusCode).toBe(422);
      expect(other.json()).toMatchObject({ code: 'idempotency.key_reused' });
    }
    expect((await fileIds()).filter((id) => !before.includes(id))).toEqual(made);
  });

  it('replays the first answer to a retry, and refuses the key with another body (422)', async () => {
    const first = await createCv(ada, 'retry-1', 'First');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const count = (await cvIds(ada)).length;

    const retry = await createCv(ada, 'retry-1', 'First');
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    const other = await createCv(ada, 'retry-1', 'Second');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency.key_reused');
    expect(await cvIds(ada)).toHaveLength(count);
  });

  it('keeps keys per caller: another user’s same key creates their own CV', async () => {
    const adas = await createCv(ada, 'shared-key', 'Mine');
    const bobs = await createCv(bob, 'shared-key', 'Mine');
    expect([adas.statusCode, bobs.statusCode]).toEqual([201, 201]);
    expect(bobs.json().id).not.toBe(adas.json().id);
    expect(bobs.headers['idempotent-replayed']).toBeUndefined();
    expect(await cvIds(bob)).toContain(bobs.json().id);
  });

  it('keeps nothing for a failed request: the key can be used again', async () => {
    const invalid = await createCv(ada, 'after-failure', '');
    expect(invalid.statusCode).toBe(400);
    const valid = await createCv(ada, 'after-failure', 'Now valid');
    expect(valid.statusCode).toBe(201);
    expect(valid.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a key longer than 255 characters (400) and creates nothing', async () => {
    const count = (await cvIds(ada)).length;
    const response = await createCv(ada, 'k'.repeat(256), 'Too long a key');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('idempotency.invalid_key');
    expect(await cvIds(ada)).toHaveLength(count);
    expect((await createCv(ada, 'k'.repeat(255), 'Longest key')).statusCode).toBe(201);
  });

  it('is per API key for key callers', async () => {
    const minted = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: ada },
      payload: { name: 'idem', scopes: ['cv:write'] },
    });
    expect(minted.statusCode).toBe(201);

    const secret = minted.json<{ secret: string }>().secret;
    const withKey = await t.inject({
      method: 'POST',
      url: '/v1/cvs',
      headers: { 'x-api-key': secret, 'idempotency-key': 'retry-1' },
      payload: { title: 'From the key' },
    });
    // `retry-1` was Ada's signed-in key with another body; the API key has its own keys.
    expect(withKey.statusCode).toBe(201);
  });

  it('forgets keys after 24 hours (the purge job deletes them)', async () => {
    const first = await createCv(ada, 'expiring', 'Expiring');
    const em = t.get(EntityManager).fork();
    await em.nativeUpdate(
      IdempotencyRecord,
      { key: 'expiring' },
      { expiresAt: new Date(Date.now() - 1000) },
    );
    expect(await t.get(IdempotencyStore).purgeExpired()).toBeGreaterThanOrEqual(1);
    const second = await createCv(ada, 'expiring', 'Expiring');
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);
  });

  it('erases a deleted user’s kept answers', async () => {
    await createCv(bob, 'erased-with-bob', 'Personal');
    const em = t.get(EntityManager).fork();
    const bobId = (await em.findOneOrFail(User, { email: 'bob@idem.test' })).id;
    expect(await em.count(IdempotencyRecord, { userId: bobId })).toBeGreaterThan(0);
    await t.get(EraseIdempotencyRecordsOfDeletedUserHandler).handle(new UserDeleted(bobId));
    expect(await em.count(IdempotencyRecord, { userId: bobId })).toBe(0);
    expect(await em.count(IdempotencyRecord, { key: 'retry-1' })).toBeGreaterThan(0);
  });

  it('is documented on every signed-in POST that creates something', () => {
    interface Operation {
      'x-required-plan': string;
      parameters?: { in: string; name: string }[];
      responses: Record<string, unknown>;
      requestBody?: { content: Record<string, unknown> };
    }
    const { paths } = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
      paths: Record<string, { post?: Operation }>;
    };
    // A stream ticket is a throwaway and a device registration is already an upsert by its push endpoint. Answers that carry a
    // secret shown once (an API key, a webhook secret, an impersonation token) are not kept for
    // replay: that would store the secret in idempotency_records.
    const exempt = [
      '/v1/me/notifications/stream-ticket',
      '/v1/me/devices',
      '/v1/me/api-keys',
      '/v1/hooks',
      '/v1/admin/users/{id}/impersonation',
    ];
    const creating = Object.entries(paths).filter(
      ([path, { post }]) =>
        post &&
        post['x-required-plan'] !== 'none' &&
        ('201' in post.responses || path.endsWith('/exports')) &&
        !exempt.includes(path),
    );
    expect(creating.length).toBeGreaterThan(10);
    for (const [path, { post }] of creating) {
      const header = post?.parameters?.find(
        (p) => p.in === 'header' && p.name === 'Idempotency-Key',
      );
      expect({ path, documented: Boolean(header) }).toEqual({ path, documented: true });
    }
  });
});
