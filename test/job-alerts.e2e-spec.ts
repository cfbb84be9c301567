import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { eventually, TestApp } from '@lib/testing';
import { RunJobAlertDigestsCommand } from '../src/modules/jobs/commands/run-job-alert-digests/run-job-alert-digests.command';
import { Job } from '../src/modules/jobs';
import { createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

interface Alert {
  id: string;
  name: string;
  query: string | null;
  filters: Record<string, unknown>;
  frequency: string;
  hour: number;
  timezone: string;
  watermark: string;
  nextRunAt: string;
  lastRunAt: string | null;
}
interface Outboxed {
  to: string[];
  subject: string;
  text: string;
  template: string | null;
  headers: Record<string, string> | null;
}

const PASSWORD = 'correct horse battery staple';

describe('job alerts: saved searches mailed as digests', () => {
  let t: TestApp;
  let admin: string;
  const sessions: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // No settle delay: the test's jobs are stored before each run, no ingestion is in flight.
    t = await TestApp.create({ env: { JOB_SAMPLE_COUNT: '0', JOB_ALERT_SETTLE_SECONDS: '0' } });
    admin = (await signInAsAdmin(t)).authorization;
    for (const name of ['ann', 'bob', 'cat', 'dan', 'eve']) {
      const email = `${name}@alerts.test`;
      ids[name] = await createUser(t, { email, password: PASSWORD, name });
      sessions[name] = await signIn(t, email, PASSWORD);
    }
  });
  afterAll(() => t.close());

  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    payload?: object,
  ) => t.inject({ method, url, headers: { authorization: sessions[who].authorization }, payload });

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);

  /** A job as ingestion stores it, first seen now. */
  async function addJob(title: string, fields: Partial<Job> = {}): Promise<string> {
    const job = new Job();
    Object.assign(job, {
      title,
      company: 'Umbra Security',
      companyKey: 'umbra security',
      remote: true,
      location: 'Remote (EU)',
      descriptionHtml: `<p>${title} at Umbra Security.</p>`,
      descriptionText: `${title} at Umbra Security.`,
      postedAt: new Date(),
      firstSeenAt: new Date(),
      fingerprint: `test-${title}`,
      ...fields,
    });
    await t.get(EntityManager).fork().persistAndFlush(job);
    return job.id;
  }

  async function mailsTo(name: string): Promise<Outboxed[]> {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/admin/outbox?to=${name}@alerts.test`,
      headers: { authorization: admin },
    });
    expect(res.statusCode).toBe(200);
    return res
      .json<{ items: Outboxed[] }>()
      .items.filter((m) => m.template?.startsWith('job-alert'));
  }

  const runDigests = (app: TestApp, now: Date) =>
    app.get(CommandBus).execute(new RunJobAlertDigestsCommand(now));

  async function createAlert(who: string, body: object): Promise<Alert> {
    const res = await call(who, 'POST', '/v1/me/job-alerts', body);
    expect(res.statusCode).toBe(201);
    return res.json<Alert>();
  }

  it('creates, lists, changes and deletes alerts; private to their owner', async () => {
    const alert = await createAlert('ann', {
      name: 'Rust, remote',
      query: 'rust',
      filters: { remote: true, employmentType: 'full_time' },
      frequency: 'daily',
      hour: 9,
      timezone: 'Europe/Berlin',
    });
    expect(alert).toMatchObject({
      name: 'Rust, remote',
      query: 'rust',
      filters: { remote: true, employmentType: 'full_time' },
      frequency: 'daily',
      hour: 9,
      timezone: 'Europe/Berlin',
      lastRunAt: null,
    });
    const next = new Date(alert.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('09:00');

    const list = await call('ann', 'GET', '/v1/me/job-alerts');
    expect(list.json<{ items: Alert[] }>().items.map((a) => a.id)).toEqual([alert.id]);
    expect(
      (await call('bob', 'GET', '/v1/me/job-alerts')).json<{ items: Alert[] }>().items,
    ).toEqual([]);
    expect(
      (await call('bob', 'PATCH', `/v1/me/job-alerts/${alert.id}`, { hour: 7 })).statusCode,
    ).toBe(404);
    expect((await call('bob', 'DELETE', `/v1/me/job-alerts/${alert.id}`)).statusCode).toBe(404);

    const changed = await call('ann', 'PATCH', `/v1/me/job-alerts/${alert.id}`, {
      frequency: 'weekly',
      filters: { remote: true },
    });
    expect(changed.statusCode).toBe(200);
    const weekly = changed.json<Alert>();
    expect(weekly).toMatchObject({ frequency: 'weekly', filters: { remote: true }, hour: 9 });
    expect(weekly.watermark).toBe(alert.watermark);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long' }).format(
        new Date(weekly.nextRunAt),
      ),
    ).toBe('Monday');

    expect((await call('ann', 'DELETE', `/v1/me/job-alerts/${alert.id}`)).statusCode).toBe(204);
    expect(
      (await call('ann', 'GET', '/v1/me/job-alerts')).json<{ items: Alert[] }>().items,
    ).toEqual([]);
    expect((await t.inject({ method: 'GET', url: '/v1/me/job-alerts' })).statusCode).toBe(401);
  });

  it('validates filters like GET /v1/jobs does, the hour and the time zone', async () => {
    for (const body of [
      { query: 'rust', filters: { employmentType: 'forever' } },
      { query: 'rust', filters: { salaryCurrency: 'euro' } },
      { query: 'rust', filters: { sort: 'newest' } },
      { query: 'rust', hour: 24 },
      { query: 'rust', timezone: 'Mars/Olympus' },
      { query: 'rust', frequency: 'hourly' },
    ]) {
      const res = await call('bob', 'POST', '/v1/me/job-alerts', body);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ code: string }>().code).toBe('validation.failed');
    }
  });

  it('a free plan keeps 3 alerts (403 plan.quota_exceeded naming the plan that allows more)', async () => {
    const kept = [];
    for (let i = 0; i < 3; i++) kept.push(await createAlert('bob', { query: `go ${i}` }));
    const over = await call('bob', 'POST', '/v1/me/job-alerts', { query: 'go 4' });
    expect(over.statusCode).toBe(403);
    expect(over.json()).toMatchObject({
      code: 'plan.quota_exceeded',
      quota: 'savedSearches',
      limit: 3,
      requiredPlan: 'pro',
    });
    // Out of the way of the digest runs below.
    for (const alert of kept)
      expect((await call('bob', 'DELETE', `/v1/me/job-alerts/${alert.id}`)).statusCode).toBe(204);
  });

  it('mails a job first seen after the watermark once; a rerun sends nothing', async () => {
    const before = await addJob('Senior Rust Engineer (old)');
    const alert = await createAlert('cat', {
      name: 'Rust',
      query: 'rust',
      filters: { remote: true },
    });
    const fresh = await addJob('Rust Platform Engineer');
    await addJob('Rust Engineer on site', { remote: false, location: 'Berlin' });
    await addJob('Accountant');
    const at = new Date(new Date(alert.nextRunAt).getTime() + 60_000);

    const first = await runDigests(t, at);
    expect(first).toMatchObject({ digests: 1 });
    const mails = await eventually(async () => {
      const list = await mailsTo('cat');
      return list.length > 0 ? list : undefined;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe('job-alert-daily');
    expect(mails[0].subject).toBe('1 new job matches “Rust”');
    expect(mails[0].text).toContain('Rust Platform Engineer');
    expect(mails[0].text).toContain(`/jobs/${fresh}`);
    expect(mails[0].text).not.toContain(before);
    expect(mails[0].text).not.toContain('on site');
    expect(mails[0].text).not.toContain('Accountant');
    expect(mails[0].headers).toMatchObject({
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    const stored = (await call('cat', 'GET', '/v1/me/job-alerts')).json<{ items: Alert[] }>()
      .items[0];
    expect(stored.lastRunAt).toBe(at.toISOString());
    expect(new Date(stored.watermark).getTime()).toBe(at.getTime());
    expect(new Date(stored.nextRunAt).getTime()).toBeGreaterThan(at.getTime());

    // The same instant again, and the next run with nothing new: no mail.
    expect(await runDigests(t, at)).toMatchObject({ digests: 0 });
    const later = new Date(new Date(stored.nextRunAt).getTime() + 60_000);
    expect(await runDigests(t, later)).toMatchObject({ digests: 0 });
    const deliveries = await sql<{ status: string }>(
      'select status from job_alert_deliveries where alert_id = ? order by run_at',
      [alert.id],
    );
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'empty']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsTo('cat')).toHaveLength(1);
  });

  it('two replicas running the same tick send one digest with all of the user’s due alerts', async () => {
    const replica = await TestApp.create({
      role: 'all',
      replicaOf: t,
      env: { JOB_ALERT_SETTLE_SECONDS: '0' },
    });
    try {
      const rust = await createAlert('dan', { name: 'Rust', query: 'rust', hour: 6 });
      const kotlin = await createAlert('dan', { name: 'Kotlin', query: 'kotlin', hour: 6 });
      expect(kotlin.nextRunAt).toBe(rust.nextRunAt);
      await addJob('Rust Backend Engineer');
      await addJob('Kotlin Android Engineer');
      const at = new Date(new Date(rust.nextRunAt).getTime() + 60_000);
      const results = await Promise.all([runDigests(t, at), runDigests(replica, at)]);
      expect(results.reduce((sum, r) => sum + r.digests, 0)).toBe(1);
      const mails = await eventually(async () => {
        const list = await mailsTo('dan');
        return list.length > 0 ? list : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await mailsTo('dan')).toHaveLength(1);
      expect(mails[0].subject).toBe('2 new jobs match “Rust, Kotlin”');
      expect(mails[0].text).toContain('Rust Backend Engineer');
      expect(mails[0].text).toContain('Kotlin Android Engineer');
    } finally {
      await replica.close();
    }
  });

  it('respects the digest frequency of the notification preferences', async () => {
    const prefs = await call('eve', 'PUT', '/v1/me/notification-preferences', {
      jobAlertDigest: 'weekly',
    });
    expect(prefs.statusCode).toBe(200);
    const alert = await createAlert('eve', { query: 'haskell' });
    await addJob('Haskell Engineer');
    const at = new Date(new Date(alert.nextRunAt).getTime() + 60_000);
    expect(await runDigests(t, at)).toMatchObject({ digests: 0 });
    const [delivery] = await sql<{ status: string; reason: string }>(
      'select status, reason from job_alert_deliveries where alert_id = ?',
      [alert.id],
    );
    expect(delivery).toEqual({ status: 'skipped', reason: 'preferences' });
    expect(await mailsTo('eve')).toEqual([]);
  });

  it('alerts and their deliveries go with the account', async () => {
    const alerts = await sql('select 1 from job_alerts where user_id = ?', [ids.cat]);
    expect(alerts.length).toBeGreaterThan(0);
    const res = await call('cat', 'DELETE', '/v1/me', { password: PASSWORD });
    expect(res.statusCode).toBe(204);
    await eventually(
      async () =>
        (await sql('select 1 from job_alerts where user_id = ?', [ids.cat])).length === 0 &&
        (await sql('select 1 from job_alert_deliveries where user_id = ?', [ids.cat])).length === 0,
    );
    expect((await sql('select 1 from job_alerts where user_id = ?', [ids.dan])).length).toBe(2);
  });
});
