import { EntityManager } from '@mikro-orm/postgresql';
import { EventStore } from '@lib/event-store';
import { RATE_LIMIT_POLICIES } from '@lib/rate-limit';
import { TestApp } from '@lib/testing';
import { ShareVisits } from '../src/modules/cv';
import { createUser, signIn, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';

interface Share {
  url: string;
  slug: string;
  visibility: string;
  expiresAt: string | null;
}

describe('Sharing CVs', () => {
  let t: TestApp;
  let owner: Session;
  let ownerId: string;
  let other: Session;
  let lastIp = 0;

  const asOwner = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.inject({
      method,
      url,
      headers: { authorization: owner.authorization },
      ...(payload ? { payload } : {}),
    });

  const visit = (
    slug: string,
    {
      ip = nextIp(),
      userAgent = 'Mozilla/5.0 test',
      password,
      format = 'json',
    }: {
      ip?: string;
      userAgent?: string;
      password?: string;
      format?: string | null;
    } = {},
  ) =>
    t.inject({
      method: 'GET',
      url: `/v1/public/cvs/${slug}${format ? `?format=${format}` : ''}`,
      remoteAddress: ip,
      headers: {
        'user-agent': userAgent,
        ...(password !== undefined ? { 'x-share-password': password } : {}),
      },
    });

  function nextIp(): string {
    lastIp += 1;
    return `203.0.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
  }

  async function newCv(title: string): Promise<string> {
    const response = await asOwner('POST', '/v1/cvs', {
      title,
      document: { basics: { name: 'Sharer', email: 'sharer@example.com' } },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  async function share(cvId: string, settings: object): Promise<Share> {
    const response = await asOwner('POST', `/v1/cvs/${cvId}/share`, settings);
    expect(response.statusCode).toBe(200);
    return response.json<Share>();
  }

  const stats = async (cvId: string) => {
    const response = await asOwner('GET', `/v1/cvs/${cvId}/stats`);
    expect(response.statusCode).toBe(200);
    return response.json<{
      views: number;
      downloads: number;
      days: { date: string; views: number; downloads: number; uniqueVisitors: number }[];
    }>();
  };

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    ownerId = await createUser(t, { email: 'owner@example.test', password: PASSWORD, tier: 'pro' });
    owner = await signIn(t, 'owner@example.test', PASSWORD);
    await createUser(t, { email: 'other@example.test', password: PASSWORD, tier: 'pro' });
    other = await signIn(t, 'other@example.test', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shares publicly by an unguessable link that works without signing in', async () => {
    const cvId = await newCv('Public');
    const link = await share(cvId, { visibility: 'public' });
    expect(link.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(link.url).toBe(`${t.config.env.API_URL}/v1/public/cvs/${link.slug}`);
    expect(link).toMatchObject({ visibility: 'public', expiresAt: null });

    const response = await visit(link.slug);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Public',
      document: { basics: { name: 'Sharer' } },
      layout: { template: 'modern' },
      version: 1,
    });
    expect(response.body).not.toContain(ownerId);

    // HTML by default, and the PDF (rendering itself is covered in cv-exports).
    for (const [format, type] of [
      [null, 'text/html'],
      ['html', 'text/html'],
      ['pdf', 'application/pdf'],
    ] as const) {
      const rendered = await visit(link.slug, { format });
      expect(rendered.statusCode).toBe(200);
      expect(rendered.headers['content-type']).toContain(type);
    }
    expect((await visit('A'.repeat(22))).statusCode).toBe(404);
    expect((await visit('not-a-slug')).json().code).toBe('cv_share.not_found');

    const read = await asOwner('GET', `/v1/cvs/${cvId}/share`);
    expect(read.json()).toMatchObject({ slug: link.slug });
    const otherRead = await t.inject({
      method: 'GET',
      url: `/v1/cvs/${cvId}/share`,
      headers: { authorization: other.authorization },
    });
    expect(otherRead.statusCode).toBe(404);
  });

  it('protects a link with a password kept only as a bcrypt hash', async () => {
    const cvId = await newCv('Protected');
    const missing = await asOwner('POST', `/v1/cvs/${cvId}/share`, { visibility: 'password' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('$.password');

    const link = await share(cvId, { visibility: 'password', password: 'blue-harbour-42' });
    const none = await visit(link.slug);
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('cv_share.password_required');
    const wrong = await visit(link.slug, { password: 'red-harbour-42' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('cv_share.password_invalid');
    const right = await visit(link.slug, { password: 'blue-harbour-42' });
    expect(right.statusCode).toBe(200);
    expect(right.json().title).toBe('Protected');

    const [row] = await t
      .get(EntityManager)
      .fork()
      .execute<{ password_hash: string }[]>('select password_hash from cv_shares where slug = ?', [
        link.slug,
      ]);
    expect(row.password_hash).toMatch(/^\$2[aby]\$\d{2}\$/);

    // Changing the settings keeps the link; making it public drops the password.
    const opened = await share(cvId, { visibility: 'public' });
    expect(opened.slug).toBe(link.slug);
    expect((await visit(link.slug)).statusCode).toBe(200);
  });

  it('answers 410 once a link has expired, and refuses a past expiry', async () => {
    const cvId = await newCv('Expiring');
    const past = await asOwner('POST', `/v1/cvs/${cvId}/share`, {
      visibility: 'public',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);

    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const link = await share(cvId, { visibility: 'public', expiresAt });
    expect(link.expiresAt).toBe(expiresAt);
    expect((await visit(link.slug)).statusCode).toBe(200);
    await t
      .get(EntityManager)
      .fork()
      .execute(`update cv_shares set expires_at = now() - interval '1 second' where slug = ?`, [
        link.slug,
      ]);
    const gone = await visit(link.slug);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('cv_share.expired');
  });

  it('stops a link on revoke or delete; sharing again makes a new link', async () => {
    const cvId = await newCv('Revocable');
    const first = await share(cvId, { visibility: 'public' });
    expect((await asOwner('DELETE', `/v1/cvs/${cvId}/share`)).statusCode).toBe(204);
    expect((await asOwner('DELETE', `/v1/cvs/${cvId}/share`)).statusCode).toBe(204);
    expect((await visit(first.slug)).statusCode).toBe(404);
    expect((await asOwner('GET', `/v1/cvs/${cvId}/share`)).statusCode).toBe(404);

    const second = await share(cvId, { visibility: 'public' });
    expect(second.slug).not.toBe(first.slug);
    expect((await visit(first.slug)).statusCode).toBe(404);
    expect((await visit(second.slug)).statusCode).toBe(200);
    await asOwner('DELETE', `/v1/cvs/${cvId}`);
    expect((await visit(second.slug)).statusCode).toBe(404);

    const events = await t.get(EventStore).readStream(t.get(EntityManager).fork(), 'cv', cvId);
    expect(events.map((e) => e.type)).toEqual([
      'cv.created',
      'cv.shared',
      'cv.share_revoked',
      'cv.shared',
      'cv.share_revoked',
      'cv.deleted',
    ]);
    expect(JSON.stringify(events)).not.toContain(first.slug);
  });

  it('counts each visitor’s view once a day, and refused visits not at all', async () => {
    const cvId = await newCv('Counted');
    const link = await share(cvId, { visibility: 'password', password: 'blue-harbour-42' });
    const alice = { ip: nextIp(), userAgent: 'Alice browser' };
    for (let i = 0; i < 3; i += 1) {
      expect((await visit(link.slug, { ...alice, password: 'blue-harbour-42' })).statusCode).toBe(
        200,
      );
    }
    // The same address with another browser is another visitor; so is another address.
    await visit(link.slug, { ip: alice.ip, userAgent: 'Alice phone', password: 'blue-harbour-42' });
    await visit(link.slug, { userAgent: 'Alice browser', password: 'blue-harbour-42' });
    await visit(link.slug, { password: 'wrong-password' });
    await visit(link.slug);
    await visit(link.slug, { password: 'blue-harbour-42', format: 'pdf' });

    const today = new Date().toISOString().slice(0, 10);
    expect(await stats(cvId)).toEqual({
      views: 3,
      downloads: 1, // the PDF is a download, by a fourth visitor
      days: [{ date: today, views: 3, downloads: 1, uniqueVisitors: 4 }],
    });
    const [{ n }] = await t
      .get(EntityManager)
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from cv_share_visits where visitor like '%.%'`,
      );
    expect(Number(n)).toBe(0); // no raw addresses stored
  });

  it('counts downloads once per visitor and day, with cv.downloaded and cv_downloaded', async () => {
    const cvId = await newCv('Downloaded');
    const visits = t.get(ShareVisits);
    const cv = { id: cvId, ownerId };
    const bob = { ip: '198.51.100.20', userAgent: 'Bob' };
    expect(await visits.record(cv, 'download', bob, 'pdf')).toBe(true);
    expect(await visits.record(cv, 'download', bob, 'pdf')).toBe(false);
    expect(await visits.record(cv, 'download', { ...bob, userAgent: 'Carol' }, 'pdf')).toBe(true);
    // Tomorrow the same visitor counts again.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await visits.record(cv, 'download', bob, 'pdf', tomorrow)).toBe(true);

    const current = await stats(cvId);
    expect(current.downloads).toBe(3);
    expect(current.days.map((d) => [d.date, d.downloads, d.uniqueVisitors])).toEqual([
      [new Date().toISOString().slice(0, 10), 2, 2],
      [tomorrow.toISOString().slice(0, 10), 1, 1],
    ]);
    const events = await t.get(EventStore).readStream(t.get(EntityManager).fork(), 'cv', cvId, {
      types: ['cv.downloaded'],
    });
    expect(events).toHaveLength(3);
    const analytics = await t
      .get(EntityManager)
      .fork()
      .execute<{ name: string }[]>(
        `select name from analytics_events where name = 'cv_downloaded' and properties->>'cvId' = ?`,
        [cvId],
      );
    expect(analytics).toHaveLength(3);
  });

  it('rate-limits the public route per IP', async () => {
    const cvId = await newCv('Limited');
    const link = await share(cvId, { visibility: 'public' });
    const ip = nextIp();
    const limit =
      'fixed' in RATE_LIMIT_POLICIES.publicCv.limit ? RATE_LIMIT_POLICIES.publicCv.limit.fixed : 0;
    for (let i = 0; i < limit; i += 1)
      expect((await visit(link.slug, { ip })).statusCode).toBe(200);
    const limited = await visit(link.slug, { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limit.exceeded');
    expect((await visit(link.slug)).statusCode).toBe(200);
  });

  it('limits password attempts per link, whichever addresses they come from', async () => {
    const cvId = await newCv('Guarded');
    const link = await share(cvId, { visibility: 'password', password: 'blue-harbour-42' });
    const attemptsPerLink = 20; // per 15 minutes
    for (let i = 0; i < attemptsPerLink; i += 1) {
      expect((await visit(link.slug, { password: `guess-${i}` })).statusCode).toBe(403);
    }
    const refused = await visit(link.slug, { password: 'blue-harbour-42' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limit.exceeded');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
