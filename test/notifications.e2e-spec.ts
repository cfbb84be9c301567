import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { uuidv7 } from 'uuidv7';
import { QUEUES, type DeliverNotificationJob } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { defineEmailTemplates, emailTemplate } from '../src/modules/mail';
import {
  defineNotificationTypes,
  Notifier,
  PUSH_CHANNEL,
  type PushChannel,
} from '../src/modules/notifications';
import { createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

/** A module's own template and type, defined the way any module defines them. */
const probeEmails = defineEmailTemplates({
  'probe-report-ready': emailTemplate<{ name: string; link: string }>({
    description: 'Test: a report is ready.',
    sample: { name: 'Ada', link: 'https://app.career-tools.test/reports/1' },
    translations: {
      en: ({ name, link }) => ({
        subject: 'Your report is ready',
        preview: 'Open it now.',
        greeting: `Hi ${name},`,
        paragraphs: ['Your report is ready.'],
        action: { label: 'Open the report', url: link },
      }),
    },
  }),
});
const TYPES = defineNotificationTypes({
  'probe.report_ready': {
    category: 'product',
    channels: ['email', 'inApp', 'push'],
    email: probeEmails['probe-report-ready'],
  },
});

interface Outboxed {
  id: string;
  to: string[];
  subject: string;
  text: string;
  template: string | null;
  headers: Record<string, string> | null;
}
interface InboxItem {
  id: string;
  type: string;
  title: string;
  body: string;
  url: string | null;
  count: number;
  readAt: string | null;
  archivedAt: string | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const PASSWORD = 'correct horse battery staple';

describe('notifications', () => {
  let t: TestApp;
  let admin: string;
  let push: jest.SpyInstance;
  const users: Record<string, { id: string; session: Session }> = {};

  beforeAll(async () => {
    t = await TestApp.create({ env: { NOTIFICATION_COLLAPSE_WINDOW_SECONDS: '1' } });
    admin = (await signInAsAdmin(t)).authorization;
    for (const name of ['ada', 'bob', 'eve']) {
      const email = `${name}@notify.test`;
      const id = await createUser(t, { email, password: PASSWORD, name });
      users[name] = { id, session: await signIn(t, email, PASSWORD) };
    }
    push = jest.spyOn(t.get<PushChannel>(PUSH_CHANNEL), 'sendToUser');
  });

  afterAll(() => t.close());

  const as = (name: string) => ({ authorization: users[name].session.authorization });
  const queue = () => t.get<Queue>(getQueueToken(QUEUES.notifications));

  async function notify(name: string, type: string, payload: object, subjectId: string) {
    await t.get(Notifier).notify(users[name].id, type, { ...payload }, { subjectId });
    const job = await queue().getJob(`${type}:${subjectId}:${users[name].id}`);
    return (await job!.finished()) as Record<string, string>;
  }

  async function emailsTo(name: string): Promise<Outboxed[]> {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/admin/outbox?to=${name}@notify.test`,
      headers: { authorization: admin },
    });
    expect(res.statusCode).toBe(200);
    return res.json<Page<Outboxed>>().items;
  }

  async function inbox(name: string, query = ''): Promise<Page<InboxItem>> {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/me/notifications${query}`,
      headers: as(name),
    });
    expect(res.statusCode).toBe(200);
    return res.json<Page<InboxItem>>();
  }

  async function putPreferences(name: string, body: object) {
    const res = await t.inject({
      method: 'PUT',
      url: '/v1/me/notification-preferences',
      headers: as(name),
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    return res.json<Record<string, unknown>>();
  }

  it('reaches every channel for a user who wants them, only in-app for one who turned email off, and never twice', async () => {
    await putPreferences('ada', { channels: { product: { push: true } } });
    await putPreferences('bob', { channels: { product: { email: false } } });
    const link = 'https://app.career-tools.test/reports/7';

    const ada = await notify('ada', TYPES['probe.report_ready'], { name: 'Ada', link }, 'report-7');
    const bob = await notify('bob', TYPES['probe.report_ready'], { name: 'Bob', link }, 'report-7');
    expect(ada).toEqual({ email: 'sent', inApp: 'sent', push: 'sent' });
    expect(bob).toEqual({ email: 'skipped:preference', inApp: 'sent', push: 'skipped:preference' });

    const adaMail = (await emailsTo('ada')).filter((m) => m.template === 'probe-report-ready');
    expect(adaMail).toHaveLength(1);
    expect(adaMail[0]).toMatchObject({ subject: 'Your report is ready', headers: null });
    expect((await emailsTo('bob')).filter((m) => m.template === 'probe-report-ready')).toEqual([]);
    expect((await inbox('ada')).items).toMatchObject([
      {
        type: 'probe.report_ready',
        title: 'Your report is ready',
        body: 'Open it now.',
        url: link,
      },
    ]);
    expect((await inbox('bob')).items).toHaveLength(1);
    expect(push.mock.calls).toEqual([
      [
        users.ada.id,
        expect.objectContaining({ title: 'Your report is ready', url: link }),
        { key: `probe.report_ready:report-7:${users.ada.id}` },
      ],
    ]);

    // The same work again (a retried or duplicated job) finds every send already recorded.
    const retry: DeliverNotificationJob = {
      userId: users.ada.id,
      type: 'probe.report_ready',
      subjectId: 'report-7',
      payload: { name: 'Ada', link },
    };
    const again = await queue().add('deliver', retry, { jobId: 'retry-of-report-7' });
    expect(await again.finished()).toEqual({
      email: 'duplicate',
      inApp: 'duplicate',
      push: 'duplicate',
    });
    expect((await emailsTo('ada')).filter((m) => m.template === 'probe-report-ready')).toHaveLength(
      1,
    );
    expect((await inbox('ada')).items).toHaveLength(1);
    expect(push).toHaveBeenCalledTimes(1);

    const rows = await t
      .get(EntityManager)
      .fork()
      .execute<{ channel: string; status: string; detail: string | null }[]>(
        `select channel, status, detail from notification_deliveries
         where user_id = ? and subject_id = 'report-7' order by channel`,
        [users.bob.id],
      );
    expect(rows).toEqual([
      { channel: 'email', status: 'skipped', detail: 'preference' },
      { channel: 'inApp', status: 'sent', detail: expect.any(String) },
      { channel: 'push', status: 'skipped', detail: 'preference' },
    ]);
  });

  it('sends a critical type whatever the preferences say', async () => {
    await putPreferences('bob', {
      channels: { billing: { email: false, inApp: false, push: false } },
    });
    const payload = {
      name: 'Bob',
      plan: 'Pro',
      amount: '€9.00',
      link: 'https://app.career-tools.test/billing',
    };
    const outcome = await notify('bob', 'billing.payment_failed', payload, 'invoice-1');
    expect(outcome).toEqual({ email: 'sent', inApp: 'sent', push: 'sent' });
    const mail = (await emailsTo('bob')).find((m) => m.template === 'payment-failed');
    expect(mail?.subject).toBe('Your payment failed');
    // A non-critical billing type respects the same preferences.
    const receipt = await notify(
      'bob',
      'billing.receipt',
      {
        name: 'Bob',
        number: 'R-1',
        date: '2026-12-02',
        lines: [],
        total: '€9.00',
        link: payload.link,
      },
      'receipt-1',
    );
    expect(receipt).toEqual({ email: 'skipped:preference' });
  });

  it('writes in the user’s language', async () => {
    await t.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: as('eve'),
      payload: { preferences: { language: 'de' } },
    });
    const payload = {
      name: 'Eve',
      plan: 'Pro',
      amount: '€9.00',
      link: 'https://app.career-tools.test/billing',
    };
    await notify('eve', 'billing.payment_failed', payload, 'invoice-de');
    const mail = (await emailsTo('eve')).find((m) => m.template === 'payment-failed');
    expect(mail?.subject).toBe('Ihre Zahlung ist fehlgeschlagen');
  });

  it('collapses a burst of one type into one notification', async () => {
    const notifier = t.get(Notifier);
    for (const n of [1, 2, 3]) {
      await notifier.notify(users.eve.id, 'jobs.new_match', {
        title: `Job ${n}`,
        url: 'https://app.career-tools.test/jobs',
      });
    }
    const collapsed = await eventually(async () =>
      (await inbox('eve')).items.find((n) => n.type === 'jobs.new_match'),
    );
    expect(collapsed).toMatchObject({ count: 3, title: '3 new jobs match your alerts' });
    // A later single one is its own notification, as it was sent.
    await notifier.notify(users.eve.id, 'jobs.new_match', { title: 'Job 4' });
    const single = await eventually(async () =>
      (await inbox('eve')).items.find((n) => n.type === 'jobs.new_match' && n.count === 1),
    );
    expect(single).toMatchObject({ title: 'A new job matches your alert', body: 'Job 4' });
    expect((await inbox('eve')).items.filter((n) => n.type === 'jobs.new_match')).toHaveLength(2);
  });

  it('holds push in quiet hours, read in the user’s time zone, and sends it when they end', async () => {
    push.mockClear();
    const now = new Date();
    const hour = now.getUTCHours();
    const hhmm = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await putPreferences('ada', {
      timezone: 'UTC',
      quietHours: { start: hhmm(hour - 1), end: hhmm(hour + 2) },
    });
    const outcome = await notify(
      'ada',
      'probe.report_ready',
      { name: 'Ada', link: 'https://app.career-tools.test/reports/8' },
      'report-8',
    );
    expect(outcome).toEqual({ email: 'sent', inApp: 'sent', push: 'held:quiet_hours' });
    expect(push).not.toHaveBeenCalled();

    // Held until the window's end (2 hours after this hour began), not dropped.
    const [held] = (await queue().getDelayed()).filter((job) =>
      String(job.id).startsWith(`held-push:probe.report_ready:report-8:${users.ada.id}:`),
    );
    expect(held).toBeDefined();
    const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour + 2);
    expect(held.timestamp + (held.opts.delay ?? 0)).toBeGreaterThan(end - 60_000);
    expect(held.timestamp + (held.opts.delay ?? 0)).toBeLessThan(end + 60_000);

    // The window is over (here: the user ended it), so the held job pushes once.
    await putPreferences('ada', { quietHours: null });
    await held.promote();
    expect(await held.finished()).toBe('sent');
    expect(push).toHaveBeenCalledTimes(1);
    expect(push.mock.calls[0][1]).toMatchObject({ title: 'Your report is ready' });
  });

  it('puts security alerts in the inbox and on devices, in the user’s language', async () => {
    push.mockClear();
    const res = await t.inject({
      method: 'POST',
      url: '/v1/me/password',
      headers: as('eve'),
      payload: { currentPassword: PASSWORD, newPassword: 'another long passphrase 42' },
    });
    expect(res.statusCode).toBe(204);
    const alert = await eventually(async () =>
      (await inbox('eve')).items.find((n) => n.type === 'security.password_changed'),
    );
    // Eve reads German (set above); identity's email says the same.
    expect(alert).toMatchObject({ title: 'Ihr Passwort wurde geändert' });
    await eventually(async () => Promise.resolve(push.mock.calls.length > 0));
    expect(push).toHaveBeenCalledWith(
      users.eve.id,
      expect.objectContaining({ title: 'Ihr Passwort wurde geändert' }),
      expect.objectContaining({ key: expect.any(String) }),
    );
  });

  describe('preferences', () => {
    it('answers defaults per category and refuses bad values', async () => {
      const res = await t.inject({
        method: 'GET',
        url: '/v1/me/notification-preferences',
        headers: as('eve'),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        channels: { newsletter: { email: false }, jobAlerts: { email: true } },
        defaults: { security: { email: true, inApp: true, push: true } },
        quietHours: null,
        timezone: 'UTC',
        jobAlertDigest: 'daily',
      });
      for (const payload of [
        { timezone: 'Mars/Olympus' },
        { quietHours: { start: '25:00', end: '07:00' } },
        { jobAlertDigest: 'hourly' },
        { channels: { product: { fax: true } } },
      ]) {
        const bad = await t.inject({
          method: 'PUT',
          url: '/v1/me/notification-preferences',
          headers: as('eve'),
          payload,
        });
        expect(bad.statusCode).toBe(400);
      }
      const saved = await putPreferences('eve', {
        timezone: 'Europe/Berlin',
        quietHours: { start: '22:00', end: '07:00' },
        jobAlertDigest: 'weekly',
      });
      expect(saved).toMatchObject({
        timezone: 'Europe/Berlin',
        quietHours: { start: '22:00', end: '07:00' },
        jobAlertDigest: 'weekly',
      });
    });
  });

  describe('inbox', () => {
    it('counts unread, reads, reads all, archives, pages, and hides other users’ notifications', async () => {
      const em = t.get(EntityManager).fork();
      const userId = users.eve.id;
      await em.execute(`delete from notifications where user_id = ?`, [userId]);
      for (let i = 0; i < 3; i++) {
        await em.execute(
          `insert into notifications (id, user_id, type, category, title, body, payload, count, created_at)
           values (?, ?, 'probe.report_ready', 'product', ?, 'b', '{}', 1, now() - (? || ' minutes')::interval)`,
          [uuidv7(), userId, `n${i}`, String(i)],
        );
      }
      const count = async () =>
        (
          await t.inject({
            method: 'GET',
            url: '/v1/me/notifications/unread-count',
            headers: as('eve'),
          })
        ).json<{
          count: number;
          display: string;
        }>();
      expect(await count()).toEqual({ count: 3, display: '3' });

      const first = await inbox('eve', '?limit=2');
      expect(first.items.map((n) => n.title)).toEqual(['n0', 'n1']);
      const second = await inbox('eve', `?limit=2&cursor=${first.nextCursor}`);
      expect(second).toMatchObject({ items: [{ title: 'n2' }], nextCursor: null });

      const [newest] = first.items;
      const read = await t.inject({
        method: 'POST',
        url: `/v1/me/notifications/${newest.id}/read`,
        headers: as('eve'),
      });
      expect(read.statusCode).toBe(200);
      expect(read.json<InboxItem>().readAt).not.toBeNull();
      expect(await count()).toEqual({ count: 2, display: '2' });
      expect((await inbox('eve', '?filter=unread')).items.map((n) => n.title)).toEqual([
        'n1',
        'n2',
      ]);

      const archived = await t.inject({
        method: 'POST',
        url: `/v1/me/notifications/${first.items[1].id}/archive`,
        headers: as('eve'),
      });
      expect(archived.statusCode).toBe(200);
      expect((await inbox('eve', '?filter=archived')).items.map((n) => n.title)).toEqual(['n1']);
      expect((await inbox('eve')).items.map((n) => n.title)).toEqual(['n0', 'n2']);
      expect(await count()).toEqual({ count: 1, display: '1' });

      // Another user's notification is not found, whatever the action.
      for (const action of ['read', 'archive']) {
        const other = await t.inject({
          method: 'POST',
          url: `/v1/me/notifications/${newest.id}/${action}`,
          headers: as('bob'),
        });
        expect(other.statusCode).toBe(404);
        expect(other.json()).toMatchObject({ code: 'notification.not_found' });
      }

      const all = await t.inject({
        method: 'POST',
        url: '/v1/me/notifications/read-all',
        headers: as('eve'),
      });
      expect(all.json()).toEqual({ updated: 2 }); // the archived one too
      expect(await count()).toEqual({ count: 0, display: '0' });
    });

    it('caps the unread count at "99+"', async () => {
      const em = t.get(EntityManager).fork();
      await em.execute(
        `insert into notifications (id, user_id, type, category, title, body, payload, count, created_at)
         select gen_random_uuid(), ?, 'probe.report_ready', 'product', 'bulk', 'b', '{}', 1, now()
         from generate_series(1, 120)`,
        [users.eve.id],
      );
      const res = await t.inject({
        method: 'GET',
        url: '/v1/me/notifications/unread-count',
        headers: as('eve'),
      });
      expect(res.json()).toEqual({ count: 100, display: '99+' });
    });
  });

  describe('one-click unsubscribe', () => {
    it('carries RFC 8058 headers on bulk mail and unsubscribes by POST without login', async () => {
      // The newsletter preference subscribes the address, which must be verified first.
      await t
        .get(EntityManager)
        .fork()
        .execute(`update users set email_verified_at = now() where id = ?`, [users.bob.id]);
      await putPreferences('bob', { channels: { newsletter: { email: true } } });
      const payload = {
        name: 'Bob',
        title: 'December issue',
        intro: 'What is new.',
        articles: [],
        link: 'https://app.career-tools.test/blog',
      };
      expect(await notify('bob', 'newsletter.issue', payload, 'issue-12')).toEqual({
        email: 'sent',
      });
      const mail = (await emailsTo('bob')).find((m) => m.template === 'newsletter')!;
      expect(mail.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
      const url = new URL(/^<(.+)>$/.exec(mail.headers!['List-Unsubscribe'])![1]);
      expect(url.pathname).toMatch(/^\/v1\/unsubscribe\//);
      expect(mail.text).toContain(url.toString());

      const page = await t.inject({ method: 'GET', url: url.pathname });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<form method="post"');
      expect(page.body).toContain('<html lang="en">');
      // The page speaks the user's language.
      await t
        .get(EntityManager)
        .fork()
        .execute(
          `update users set preferences = jsonb_set(preferences, '{language}', '"de"') where id = ?`,
          [users.bob.id],
        );
      const german = await t.inject({ method: 'GET', url: url.pathname });
      expect(german.body).toContain('<html lang="de">');
      expect(german.body).toContain('E-Mails der Art <strong>Newsletter</strong>');
      // The page alone unsubscribes nobody.
      expect((await putPreferences('bob', {})).channels).toMatchObject({
        newsletter: { email: true },
      });

      const tampered = await t.inject({
        method: 'POST',
        url: url.pathname.replace('newsletter', 'jobAlerts'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(tampered.statusCode).toBe(400);

      const done = await t.inject({
        method: 'POST',
        url: url.pathname,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(done.statusCode).toBe(200);
      expect(done.body).toBe('');
      expect((await putPreferences('bob', {})).channels).toMatchObject({
        newsletter: { email: false },
      });
      expect(await notify('bob', 'newsletter.issue', payload, 'issue-13')).toEqual({
        email: 'skipped:preference',
      });
    });
  });

  describe('admin template preview', () => {
    it('lists templates and renders one with sample data in the language asked for', async () => {
      const list = await t.inject({
        method: 'GET',
        url: '/v1/admin/notifications/templates',
        headers: { authorization: admin },
      });
      expect(list.statusCode).toBe(200);
      expect(list.json<{ items: { id: string; languages: string[] }[] }>().items).toContainEqual(
        expect.objectContaining({ id: 'password-reset', languages: ['en', 'de', 'es', 'fr'] }),
      );
      const preview = await t.inject({
        method: 'GET',
        url: '/v1/admin/notifications/templates/password-reset/preview?lang=fr',
        headers: { authorization: admin },
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        template: 'password-reset',
        language: 'fr',
        subject: 'Réinitialisez votre mot de passe',
        html: expect.stringContaining('<html lang="fr"'),
        text: expect.stringContaining('Bonjour Ada,'),
      });
      const unknown = await t.inject({
        method: 'GET',
        url: '/v1/admin/notifications/templates/nope/preview',
        headers: { authorization: admin },
      });
      expect(unknown.statusCode).toBe(404);
      const notAdmin = await t.inject({
        method: 'GET',
        url: '/v1/admin/notifications/templates',
        headers: as('eve'),
      });
      expect(notAdmin.statusCode).toBe(403);
    });
  });
});
