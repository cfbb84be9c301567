import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { UnitOfWork } from '@lib/event-store';
import { ALL_QUEUES, QUEUES } from '@lib/queue';
import { eventually, Ga4Fake, TestApp } from '@lib/testing';
import { AiUsageEntry } from '../src/modules/ai-usage';
import { AnalyticsRecorder } from '../src/modules/analytics';
import { MfaFailed } from '../src/modules/identity/events/two-factor.events';
import { SocialPostFailed } from '../src/modules/social/events/social.events';
import { QueueDepthSampler } from '../src/modules/analytics/storage/queue-depth-sampler';
import { ActiveUserTracker } from '../src/modules/analytics/active-user-tracker';
import { Ga4Forwarding } from '../src/modules/analytics/forwarding/ga4-forwarding';
import {
  AnalyticsPartitions,
  monthStart,
} from '../src/modules/analytics/storage/analytics-partitions';
import { AnalyticsRollups } from '../src/modules/analytics/storage/analytics-rollups';
import { call, createUser, freshIp, login, signIn } from './support/accounts';

const PASSWORD = 'a-long-password-for-tests';

describe('analytics', () => {
  let t: TestApp;
  let counter = 0;

  const ga4 = new Ga4Fake();

  beforeAll(async () => {
    await ga4.start();
    t = await TestApp.create({
      env: { GA_MEASUREMENT_ID: 'G-TEST123', GA_API_SECRET: 'ga-secret', GA_BASE_URL: ga4.url },
    });
  });
  afterAll(async () => {
    await t?.close();
    await ga4.stop();
  });

  const sql = <T>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);

  const namesOf = async (userId: string, name: string) =>
    sql<{ occurred_at: Date }>(
      'select occurred_at from analytics_events where user_id = ? and name = ?',
      [userId, name],
    );

  async function newUser(tier?: 'free' | 'pro') {
    counter += 1;
    const email = `analysed${counter}@example.test`;
    const id = await createUser(t, { email, password: PASSWORD, tier });
    return { id, email };
  }

  describe('server-side events', () => {
    it('records user_registered once per registration', async () => {
      const { id } = await newUser();
      expect(await namesOf(id, 'user_registered')).toHaveLength(1);
    });

    it('records user_active once per user and UTC day, however many requests', async () => {
      const { id, email } = await newUser();
      const session = await signIn(t, email, PASSWORD);
      for (let i = 0; i < 3; i += 1) {
        expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(200);
      }
      const rows = await eventually(async () => {
        const found = await namesOf(id, 'user_active');
        return found.length > 0 && found;
      });
      const today = new Date().toISOString().slice(0, 10);
      expect(rows.map((r) => new Date(r.occurred_at).toISOString())).toEqual([
        `${today}T00:00:00.000Z`,
      ]);

      // Another replica (a fresh tracker) the same day adds nothing; the next day adds one.
      const other = new ActiveUserTracker(t.get(AnalyticsRecorder), {
        httpAdapter: undefined,
      } as never);
      other.markActive(id);
      other.markActive(id, new Date(Date.now() + 86_400_000));
      await eventually(async () => (await namesOf(id, 'user_active')).length === 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await namesOf(id, 'user_active')).toHaveLength(2);
    });
  });

  describe('storage', () => {
    it('stores events in monthly partitions of analytics_events', async () => {
      const plan = await sql<{ relkind: string }>(
        `select relkind from pg_class where relname = 'analytics_events'`,
      );
      expect(plan).toEqual([{ relkind: 'p' }]); // partitioned table
      const month = new Date().toISOString().slice(0, 7).replace('-', 'm');
      const [row] = await sql<{ n: string }>(
        `select count(*)::text as n from "analytics_events_y${month}"`,
      );
      expect(Number(row.n)).toBeGreaterThan(0); // this suite's events landed in this month's
    });

    it('records a domain event once, even delivered twice', async () => {
      const recorder = t.get(AnalyticsRecorder);
      const event = {
        name: 'cv_created' as const,
        userId: null,
        occurredAt: new Date(),
        sourceEventId: '0193a000-0000-7000-8000-000000000001',
      };
      await recorder.record(event);
      await recorder.record(event);
      const rows = await sql('select 1 from analytics_events where source_event_id = ?', [
        event.sourceEventId,
      ]);
      expect(rows).toHaveLength(1);
    });

    it('creates partitions ahead and drops the ones past retention', async () => {
      const partitions = t.get(AnalyticsPartitions);
      await partitions.ensure(new Date('2019-01-01'), new Date('2019-02-01'));
      const name = (offset: number) =>
        `analytics_events_y${monthStart(new Date(), offset).slice(0, 7).replace('-', 'm')}`;
      const { dropped } = await partitions.maintain(12);
      expect(dropped).toEqual(
        expect.arrayContaining([
          'analytics_events_y2019m01',
          'analytics_events_y2019m02',
          name(-13),
        ]),
      );
      const names = await partitions.list();
      expect(names[0]).toBe(name(-12)); // twelve whole months before this one are kept
      expect(names.at(-1)).toBe(name(3));
      expect(names).toContain(name(0));
    });

    it('rolls a day up: counts, distinct users, 7/30-day actives and the activation cohort', async () => {
      const partitions = t.get(AnalyticsPartitions);
      await partitions.ensure(new Date('2024-12-01'), new Date('2025-01-01'));
      const recorder = t.get(AnalyticsRecorder);
      const [a, b, c] = ['a', 'b', 'c'].map((x) => `0193a000-0000-7000-8000-00000000000${x}`);
      const at = (iso: string) => new Date(iso);
      const events: Array<[string, string, string]> = [
        ['user_registered', a, '2025-01-10T08:00:00Z'],
        ['user_registered', b, '2025-01-10T23:59:59Z'],
        ['user_registered', c, '2025-01-11T00:00:00Z'], // the next UTC day
        ['cv_created', a, '2025-01-10T09:00:00Z'],
        ['cv_created', a, '2025-01-10T10:00:00Z'],
        ['cv_downloaded', a, '2025-01-12T10:00:00Z'],
        ['cv_downloaded', b, '2025-01-12T10:00:00Z'], // downloaded without creating: not a step 3
        ['user_active', a, '2025-01-04T00:00:00Z'],
        ['user_active', b, '2025-01-10T00:00:00Z'],
        ['user_active', c, '2024-12-01T00:00:00Z'], // 40 days before: outside both windows
      ];
      for (const [name, userId, occurredAt] of events) {
        await recorder.record({ name: name as 'cv_created', userId, occurredAt: at(occurredAt) });
      }
      await t.get(AnalyticsRollups).recompute('2025-01-10');
      await t.get(AnalyticsRollups).recompute('2025-01-10'); // idempotent
      const rollups = await sql<{ name: string; dimension: string; count: string; users: number }>(
        `select name, dimension, count::text, users from analytics_daily_rollups
         where day = '2025-01-10' order by name, dimension`,
      );
      expect(rollups).toEqual([
        { name: 'activation', dimension: 'cv_created', count: '1', users: 1 },
        { name: 'activation', dimension: 'cv_downloaded', count: '1', users: 1 },
        { name: 'activation', dimension: 'registered', count: '2', users: 2 },
        { name: 'cv_created', dimension: '', count: '2', users: 1 },
        { name: 'user_active', dimension: '', count: '1', users: 1 },
        { name: 'user_active', dimension: '30d', count: '2', users: 2 },
        { name: 'user_active', dimension: '7d', count: '2', users: 2 },
        { name: 'user_registered', dimension: '', count: '2', users: 2 },
      ]);
    });
  });

  describe('client events: POST /v1/analytics/events', () => {
    const send = (payload: object, authorization?: string) =>
      t.inject({
        method: 'POST',
        url: '/v1/analytics/events',
        payload,
        headers: authorization ? { authorization } : {},
      });
    const storedFor = (clientId: string) =>
      sql<{ name: string; user_id: string | null; properties: Record<string, unknown> }>(
        'select name, user_id, properties from analytics_events where client_id = ? order by id',
        [clientId],
      );

    it('stores an anonymous visitor’s events under its client id', async () => {
      const response = await send({
        clientId: 'anon.1',
        consent: { analytics: true },
        events: [
          { name: 'page_viewed', params: { page_path: '/pricing', page_title: 'Pricing' } },
          { name: 'ui_interaction', params: { element: 'cta', action: 'click', value: 1 } },
        ],
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ stored: 2 });
      expect(await storedFor('anon.1')).toEqual([
        {
          name: 'page_viewed',
          user_id: null,
          properties: { page_path: '/pricing', page_title: 'Pricing' },
        },
        {
          name: 'ui_interaction',
          user_id: null,
          properties: { element: 'cta', action: 'click', value: 1 },
        },
      ]);
    });

    it('stores nothing without analytics consent', async () => {
      const response = await send({
        clientId: 'anon.noconsent',
        consent: { analytics: false },
        events: [{ name: 'page_viewed', params: { page_path: '/' } }],
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ stored: 0 });
      expect(await storedFor('anon.noconsent')).toEqual([]);
    });

    it('uses the signed-in user’s id', async () => {
      const { id, email } = await newUser();
      const session = await signIn(t, email, PASSWORD);
      const response = await send(
        {
          clientId: 'browser.7',
          consent: { analytics: true },
          events: [{ name: 'search_opened' }],
        },
        session.authorization,
      );
      expect(response.statusCode).toBe(202);
      expect(await storedFor('browser.7')).toEqual([
        { name: 'search_opened', user_id: id, properties: {} },
      ]);
    });

    it.each([
      ['a reserved name', { name: 'page_view' }, '$.events[0].name'],
      ['a reserved prefix', { name: 'google_thing' }, '$.events[0].name'],
      ['a name GA4 cannot take', { name: '1bad-name' }, '$.events[0].name'],
      ['a name longer than 40', { name: `a${'b'.repeat(40)}` }, '$.events[0].name'],
      ['a name outside the catalogue', { name: 'cv_created' }, '$.events[0].name'],
      [
        'an unknown parameter',
        { name: 'page_viewed', params: { color: 'red' } },
        '$.events[0].params.color',
      ],
      [
        'a value longer than 100',
        { name: 'page_viewed', params: { page_path: 'x'.repeat(101) } },
        '$.events[0].params.page_path',
      ],
      [
        'a value of the wrong type',
        { name: 'ui_interaction', params: { value: 'high' } },
        '$.events[0].params.value',
      ],
      [
        'more than 25 parameters',
        {
          name: 'page_viewed',
          params: Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`p${i}`, 'x'])),
        },
        '$.events[0].params',
      ],
    ])('refuses %s with 422 and stores nothing', async (_, event, path) => {
      const clientId = `refused.${Math.random().toString(36).slice(2)}`;
      const response = await send({
        clientId,
        consent: { analytics: true },
        events: [{ name: 'page_viewed' }, event],
      });
      expect(response.statusCode).toBe(422);
      const problem = response.json<{ code: string; errors: { path: string }[] }>();
      expect(problem.code).toBe('analytics.invalid_event');
      expect(problem.errors.map((e) => e.path)).toContain(path.replace('events[0]', 'events[1]'));
      expect(await storedFor(clientId)).toEqual([]);
    });

    it('refuses an anonymous batch without a client id, and more than 25 events', async () => {
      const anonymous = await send({
        consent: { analytics: true },
        events: [{ name: 'page_viewed' }],
      });
      expect(anonymous.statusCode).toBe(400);
      const tooMany = await send({
        clientId: 'anon.many',
        consent: { analytics: true },
        events: Array.from({ length: 26 }, () => ({ name: 'page_viewed' })),
      });
      expect(tooMany.statusCode).toBe(400);
    });
  });

  describe('GA4 forwarding', () => {
    it('sends stored events in batches of at most 25 with measurement id, client id, user id and params', async () => {
      const { id, email } = await newUser();
      const session = await signIn(t, email, PASSWORD);
      for (const clientId of ['ga.batch', 'ga.batch']) {
        const response = await t.inject({
          method: 'POST',
          url: '/v1/analytics/events',
          headers: { authorization: session.authorization },
          payload: {
            clientId,
            consent: { analytics: true },
            events: Array.from({ length: 20 }, (_, i) => ({
              name: 'page_viewed',
              params: { page_path: `/p/${i}` },
            })),
          },
        });
        expect(response.statusCode).toBe(202);
      }
      await t.get(Ga4Forwarding).forwardPending(Date.now() + 10_000);

      const requests = ga4.collected.filter((c) => c.body.client_id === 'ga.batch');
      expect(requests.map((r) => (r.body.events as unknown[]).length)).toEqual([25, 15]);
      for (const request of requests) {
        expect(request).toMatchObject({
          measurementId: 'G-TEST123',
          apiSecret: 'ga-secret',
          body: { client_id: 'ga.batch', user_id: id },
          validationMessages: [],
        });
      }
      expect((requests[0].body.events as unknown[])[0]).toEqual({
        name: 'page_viewed',
        params: { page_path: '/p/0' },
      });
      // Server-side events go too, with the user id (also standing for the client id).
      expect(ga4.events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'user_registered', userId: id, clientId: id }),
        ]),
      );
      // Google would have kept every request we sent.
      expect(ga4.collected.flatMap((c) => c.validationMessages)).toEqual([]);
    });

    it('retries a failed request: nothing is lost', async () => {
      await send2('ga.retry');
      ga4.failNext(1);
      await expect(t.get(Ga4Forwarding).forwardPending(Date.now() + 10_000)).rejects.toThrow(
        /GA4 answered 503/,
      );
      await t.get(Ga4Forwarding).forwardPending(Date.now() + 10_000);
      expect(ga4.events.filter((e) => e.clientId === 'ga.retry')).toHaveLength(1);
    });

    it('a partial failure: the retry sends only the batches GA4 did not take', async () => {
      const forwarding = t.get(Ga4Forwarding);
      await forwarding.forwardPending(Date.now() + 10_000); // nothing else pending
      for (const [from, count] of [
        [0, 25],
        [25, 25],
        [50, 10],
      ]) {
        const response = await t.inject({
          method: 'POST',
          url: '/v1/analytics/events',
          payload: {
            clientId: 'ga.partial',
            consent: { analytics: true },
            events: Array.from({ length: count }, (_, i) => ({
              name: 'page_viewed',
              params: { page_path: `/partial/${from + i}` },
            })),
          },
        });
        expect(response.statusCode).toBe(202);
      }
      const requests = () => ga4.collected.filter((c) => c.body.client_id === 'ga.partial');

      ga4.failAfter(1, 1); // GA4 takes the first batch of 25, then answers 503
      await expect(forwarding.forwardPending(Date.now() + 10_000)).rejects.toThrow(
        /GA4 answered 503/,
      );
      expect(requests().map((r) => (r.body.events as unknown[]).length)).toEqual([25]);

      expect(await forwarding.forwardPending(Date.now() + 10_000)).toBe(35);
      expect(requests().map((r) => (r.body.events as unknown[]).length)).toEqual([25, 25, 10]);
      const paths = ga4.events
        .filter((e) => e.clientId === 'ga.partial')
        .map((e) => e.params.page_path);
      expect(paths).toEqual(Array.from({ length: 60 }, (_, i) => `/partial/${i}`));
      // The next run has nothing left of them to send.
      await forwarding.forwardPending(Date.now() + 10_000);
      expect(requests()).toHaveLength(3);
    });

    it('the fake’s debug endpoint refuses what our validation refuses', async () => {
      const response = await fetch(
        `${ga4.url}/debug/mp/collect?measurement_id=G-TEST123&api_secret=x`,
        {
          method: 'POST',
          body: JSON.stringify({ client_id: 'c', events: [{ name: 'page_view', params: {} }] }),
        },
      );
      expect(await response.json()).toEqual({
        validationMessages: [expect.objectContaining({ validationCode: 'NAME_RESERVED' })],
      });
    });

    async function send2(clientId: string) {
      const response = await t.inject({
        method: 'POST',
        url: '/v1/analytics/events',
        payload: { clientId, consent: { analytics: true }, events: [{ name: 'page_viewed' }] },
      });
      expect(response.statusCode).toBe(202);
    }
  });

  describe('admin dashboard: GET /v1/admin/dashboard/{series}', () => {
    let admin: string;
    const u = (n: number) => `0193a000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

    beforeAll(async () => {
      admin = await t.adminAuthorization();
      await t.get(AnalyticsPartitions).ensure(new Date('2025-02-01'), new Date('2025-03-01'));
      const generated: Array<[string, number, string]> = [
        ['user_registered', 1, '2025-03-03T10:00:00Z'], // a Monday
        ['user_registered', 2, '2025-03-03T11:00:00Z'],
        ['user_registered', 3, '2025-03-04T09:00:00Z'],
        ['user_registered', 4, '2025-03-10T09:00:00Z'], // the next Monday
        ['cv_created', 1, '2025-03-03T12:00:00Z'],
        ['cv_created', 3, '2025-03-05T12:00:00Z'],
        ['cv_downloaded', 1, '2025-03-06T12:00:00Z'],
        ['user_active', 1, '2025-03-03T00:00:00Z'],
        ['user_active', 1, '2025-03-04T00:00:00Z'],
        ['user_active', 2, '2025-03-04T00:00:00Z'],
        ['user_active', 3, '2025-03-10T00:00:00Z'],
        ['plan_upgrade_started', 1, '2025-03-04T13:00:00Z'],
        ['plan_upgrade_started', 1, '2025-03-04T13:05:00Z'], // the same user retrying
        ['plan_upgrade_started', 2, '2025-03-04T14:00:00Z'],
        ['plan_upgrade_completed', 1, '2025-03-04T13:06:00Z'],
        ['subscription_cancelled', 1, '2025-03-11T08:00:00Z'],
      ];
      const recorder = t.get(AnalyticsRecorder);
      for (const [name, user, at] of generated) {
        await recorder.record({
          name: name as 'cv_created',
          userId: u(user),
          occurredAt: new Date(at),
        });
      }
      for (let day = 1; day <= 16; day += 1) {
        await t.get(AnalyticsRollups).recompute(`2025-03-${String(day).padStart(2, '0')}`);
      }
    });

    const series = async (path: string, authorization = admin) => {
      const response = await t.inject({
        method: 'GET',
        url: `/v1/admin/dashboard/${path}`,
        headers: { authorization },
      });
      return response;
    };
    const points = async (path: string) => {
      const response = await series(path);
      expect(response.statusCode).toBe(200);
      return response
        .json<{ points: { start: string; values: Record<string, number> }[] }>()
        .points.map((p) => [p.start, p.values]);
    };

    it('signups per day and per ISO week', async () => {
      expect(await points('signups?from=2025-03-03&to=2025-03-05')).toEqual([
        ['2025-03-03', { signups: 2 }],
        ['2025-03-04', { signups: 1 }],
        ['2025-03-05', { signups: 0 }],
      ]);
      expect(await points('signups?from=2025-03-03&to=2025-03-16&interval=week')).toEqual([
        ['2025-03-03', { signups: 3 }],
        ['2025-03-10', { signups: 1 }],
      ]);
    });

    it('DAU, WAU and MAU', async () => {
      expect(await points('active-users?from=2025-03-04&to=2025-03-04')).toEqual([
        ['2025-03-04', { dau: 2, wau: 2, mau: 2 }],
      ]);
      expect(await points('active-users?from=2025-03-10&to=2025-03-10')).toEqual([
        ['2025-03-10', { dau: 1, wau: 3, mau: 3 }], // 7 days back reaches the 4th
      ]);
      expect(await points('active-users?from=2025-03-03&to=2025-03-09&interval=week')).toEqual([
        ['2025-03-03', { dau: 0.43, wau: 2, mau: 2 }], // (1 + 2) / 7 days
      ]);
    });

    it('activation and upgrade funnels, churn', async () => {
      expect(
        await points('activation-funnel?from=2025-03-01&to=2025-03-31&interval=month'),
      ).toEqual([['2025-03-01', { registered: 4, cvCreated: 2, cvDownloaded: 1 }]]);
      expect(await points('upgrade-funnel?from=2025-03-04&to=2025-03-04')).toEqual([
        [
          '2025-03-04',
          {
            started: 2,
            completed: 1,
            cohortStarted: 2,
            cohortCompleted: 1,
            cohortConversion: 0.5,
          },
        ],
      ]);
      const revenue = await points('revenue?from=2025-03-10&to=2025-03-16&interval=week');
      expect(revenue).toEqual([
        [
          '2025-03-10',
          { mrrCents: 0, proSubscriptions: 0, premiumSubscriptions: 0, cancellations: 1 },
        ],
      ]);
    });

    it('refuses bad ranges, unknown series and non-admins', async () => {
      expect((await series('signups?from=2025-03-05&to=2025-03-01')).statusCode).toBe(422);
      expect((await series('signups?from=2020-01-01&to=2025-03-01')).statusCode).toBe(422);
      expect((await series('signups?interval=hour')).statusCode).toBe(400);
      expect((await series('nope')).statusCode).toBe(404);
      const { email } = await newUser();
      const session = await signIn(t, email, PASSWORD);
      expect((await series('signups', session.authorization)).statusCode).toBe(403);
    });
  });

  describe('operations series: AI cost, job ingestion, social success, upgrade cohort, queues, security', () => {
    let admin: string;
    const u = (n: number) => `0193a000-0000-7000-8000-0000000002${String(n).padStart(2, '0')}`;
    const epoch = (iso: string) => Date.parse(iso) / 1000;

    const points = async (path: string) => {
      const response = await t.inject({
        method: 'GET',
        url: `/v1/admin/dashboard/${path}`,
        headers: { authorization: admin },
      });
      expect(response.statusCode).toBe(200);
      return response
        .json<{ points: { start: string; values: Record<string, number> }[] }>()
        .points.map((p) => [p.start, p.values] as [string, Record<string, number>]);
    };

    beforeAll(async () => {
      admin = await t.adminAuthorization();
      await t.get(AnalyticsPartitions).ensure(new Date('2025-04-01'), new Date('2025-04-01'));
      const recorder = t.get(AnalyticsRecorder);
      const events: Array<[string, number | null, string, Record<string, unknown>?]> = [
        // Job ingestion (no user), Monday 2025-04-07 and Tuesday.
        [
          'job_ingestion_succeeded',
          null,
          '2025-04-07T06:00:00Z',
          { source: 'remotive', fetched: 40, added: 10 },
        ],
        [
          'job_ingestion_succeeded',
          null,
          '2025-04-07T12:00:00Z',
          { source: 'remotive', fetched: 35, added: 0 },
        ],
        ['job_ingestion_failed', null, '2025-04-07T18:00:00Z', { source: 'remotive', fetched: 0 }],
        ['job_ingestion_failed', null, '2025-04-07T07:00:00Z', { source: 'arbeitnow', fetched: 0 }],
        [
          'job_ingestion_succeeded',
          null,
          '2025-04-08T09:30:00Z',
          { source: 'arbeitnow', fetched: 20, added: 20 },
        ],
        // Social targets published and finally failed, per network.
        ['social_post_published', 1, '2025-04-07T10:00:00Z', { network: 'linkedin' }],
        ['social_post_published', 1, '2025-04-07T11:00:00Z', { network: 'linkedin' }],
        ['social_post_published', 2, '2025-04-07T12:00:00Z', { network: 'linkedin' }],
        ['social_post_failed', 2, '2025-04-07T12:00:00Z', { network: 'linkedin' }],
        ['social_post_published', 3, '2025-04-07T13:00:00Z', { network: 'x' }],
        ['social_post_failed', 3, '2025-04-07T14:00:00Z', { network: 'x' }],
        // Upgrade cohort: 1 starts Monday and completes Tuesday, 2 never completes,
        // 3 starts twice Tuesday and completes, 4 completes without a start in range.
        ['plan_upgrade_started', 1, '2025-04-07T10:00:00Z'],
        ['plan_upgrade_started', 2, '2025-04-07T11:00:00Z'],
        ['plan_upgrade_completed', 1, '2025-04-08T09:00:00Z'],
        ['plan_upgrade_started', 3, '2025-04-08T11:00:00Z'],
        ['plan_upgrade_started', 3, '2025-04-08T11:10:00Z'],
        ['plan_upgrade_completed', 3, '2025-04-08T11:30:00Z'],
        ['plan_upgrade_completed', 4, '2025-04-07T09:00:00Z'],
      ];
      for (const [name, user, at, properties] of events) {
        await recorder.record({
          name: name as 'cv_created',
          userId: user === null ? null : u(user),
          occurredAt: new Date(at),
          properties,
        });
      }
      const em = t.get(EntityManager).fork();
      const usage: Array<[string, number, number, string]> = [
        ['gpt-4o', 1000, 500, '2025-04-07T10:00:00Z'],
        ['gpt-4o', 1000, 500, '2025-04-07T11:00:00Z'],
        ['gpt-4o-mini', 10_000, 2000, '2025-04-08T10:00:00Z'],
        ['mystery-model', 100, 50, '2025-04-08T10:00:00Z'], // no configured price
      ];
      for (const [model, promptTokens, completionTokens, at] of usage) {
        em.create(AiUsageEntry, {
          userId: u(1),
          operation: 'coverLetter',
          provider: 'openai',
          model,
          promptTokens,
          completionTokens,
          occurredAt: new Date(at),
        } as never);
      }
      await em.flush();
      // Two queue samples on Monday (the later one is the day's value; the peak stays).
      const sampler = t.get(QueueDepthSampler);
      await sampler.store('2025-04-07', [
        { queue: 'mail', waiting: 9, active: 1, delayed: 0, failed: 2 },
        { queue: 'hooks', waiting: 1, active: 0, delayed: 3, failed: 0 },
      ]);
      await sampler.store('2025-04-07', [
        { queue: 'mail', waiting: 4, active: 2, delayed: 0, failed: 3 },
        { queue: 'hooks', waiting: 2, active: 0, delayed: 1, failed: 0 },
      ]);
      for (const day of ['2025-04-07', '2025-04-08', '2025-04-09']) {
        await t.get(AnalyticsRollups).recompute(day); // keeps the queue samples
      }
    });

    it('AI calls, tokens and cost estimate (tokens × configured price per model)', async () => {
      // gpt-4o: 2000 × $2.5/M + 1000 × $10/M = $0.015; gpt-4o-mini: 10000 × 0.15 + 2000 × 0.6 = $0.0027.
      expect(await points('ai-cost?from=2025-04-07&to=2025-04-08')).toEqual([
        [
          '2025-04-07',
          {
            calls: 2,
            'calls.gpt-4o': 2,
            'calls.gpt-4o-mini': 0,
            'calls.mystery-model': 0,
            promptTokens: 2000,
            'promptTokens.gpt-4o': 2000,
            'promptTokens.gpt-4o-mini': 0,
            'promptTokens.mystery-model': 0,
            completionTokens: 1000,
            'completionTokens.gpt-4o': 1000,
            'completionTokens.gpt-4o-mini': 0,
            'completionTokens.mystery-model': 0,
            costUsd: 0.015,
            'costUsd.gpt-4o': 0.015,
            'costUsd.gpt-4o-mini': 0,
            'costUsd.mystery-model': 0,
            unpricedTokens: 0,
          },
        ],
        [
          '2025-04-08',
          expect.objectContaining({
            calls: 2,
            promptTokens: 10_100,
            completionTokens: 2050,
            costUsd: 0.0027,
            'costUsd.gpt-4o-mini': 0.0027,
            'costUsd.mystery-model': 0,
            unpricedTokens: 150,
          }),
        ],
      ]);
      const [[, week]] = await points('ai-cost?from=2025-04-07&to=2025-04-13&interval=week');
      expect(week).toMatchObject({ calls: 4, costUsd: 0.0177, unpricedTokens: 150 });
    });

    it('job ingestion health per source: runs, errors, postings fetched, last success', async () => {
      expect(await points('job-ingestion?from=2025-04-07&to=2025-04-08')).toEqual([
        [
          '2025-04-07',
          {
            runs: 4,
            'runs.arbeitnow': 1,
            'runs.remotive': 3,
            errors: 2,
            'errors.arbeitnow': 1,
            'errors.remotive': 1,
            postingsFetched: 75,
            'postingsFetched.arbeitnow': 0,
            'postingsFetched.remotive': 75,
            lastSuccessAt: epoch('2025-04-07T12:00:00Z'),
            'lastSuccessAt.arbeitnow': 0,
            'lastSuccessAt.remotive': epoch('2025-04-07T12:00:00Z'),
            errorRate: 0.5,
            'errorRate.arbeitnow': 1,
            'errorRate.remotive': 0.3333,
          },
        ],
        [
          '2025-04-08',
          {
            runs: 1,
            'runs.arbeitnow': 1,
            'runs.remotive': 0,
            errors: 0,
            'errors.arbeitnow': 0,
            'errors.remotive': 0,
            postingsFetched: 20,
            'postingsFetched.arbeitnow': 20,
            'postingsFetched.remotive': 0,
            lastSuccessAt: epoch('2025-04-08T09:30:00Z'),
            'lastSuccessAt.arbeitnow': epoch('2025-04-08T09:30:00Z'),
            'lastSuccessAt.remotive': 0,
            errorRate: 0,
            'errorRate.arbeitnow': 0,
            'errorRate.remotive': 0,
          },
        ],
      ]);
    });

    it('social publishing success rate, in total and per network', async () => {
      const [[, monday]] = await points('social-publishing?from=2025-04-07&to=2025-04-07');
      expect(monday).toEqual({
        accountsConnected: 0,
        scheduled: 0,
        published: 4,
        'published.linkedin': 3,
        'published.x': 1,
        failed: 2,
        'failed.linkedin': 1,
        'failed.x': 1,
        successRate: 0.6667,
        'successRate.linkedin': 0.75,
        'successRate.x': 0.5,
      });
    });

    it('records a target that failed for good as social_post_failed, with its network', async () => {
      const postId = '0193a000-0000-7000-8000-000000000301';
      await t.get(UnitOfWork).run((_em, events) => {
        events.record(
          new SocialPostFailed(postId, {
            userId: u(9),
            targetId: '0193a000-0000-7000-8000-000000000302',
            network: 'linkedin',
            reason: 'social.content_rejected',
            retryable: false,
          }),
        );
        return Promise.resolve();
      });
      const rows = await eventually(async () => {
        const found = await sql<{ properties: Record<string, unknown> }>(
          `select properties from analytics_events where name = 'social_post_failed' and user_id = ?`,
          [u(9)],
        );
        return found.length > 0 && found;
      });
      expect(rows).toEqual([
        { properties: expect.objectContaining({ postId, network: 'linkedin', retryable: false }) },
      ]);
    });

    it('upgrade funnel by cohort: who started in the bucket and how many of them completed', async () => {
      const days = await points('upgrade-funnel?from=2025-04-07&to=2025-04-08');
      expect(days).toEqual([
        [
          '2025-04-07',
          {
            started: 2,
            completed: 1, // user 4, who never started
            cohortStarted: 2,
            cohortCompleted: 1, // user 1, on Tuesday
            cohortConversion: 0.5,
          },
        ],
        [
          '2025-04-08',
          { started: 1, completed: 2, cohortStarted: 1, cohortCompleted: 1, cohortConversion: 1 },
        ],
      ]);
      const [[, week]] = await points('upgrade-funnel?from=2025-04-07&to=2025-04-13&interval=week');
      expect(week).toMatchObject({
        cohortStarted: 3,
        cohortCompleted: 2,
        cohortConversion: 0.6667,
      });
    });

    it('queue depths and failed jobs from the samples: the last sample, and the day’s peak', async () => {
      expect(await points('queues?from=2025-04-07&to=2025-04-08')).toEqual([
        [
          '2025-04-07',
          {
            waiting: 6,
            'waiting.hooks': 2,
            'waiting.mail': 4,
            peakWaiting: 9,
            'peakWaiting.hooks': 2,
            'peakWaiting.mail': 9,
            active: 2,
            'active.hooks': 0,
            'active.mail': 2,
            delayed: 1,
            'delayed.hooks': 1,
            'delayed.mail': 0,
            failed: 3,
            'failed.hooks': 0,
            'failed.mail': 3,
          },
        ],
        ['2025-04-08', expect.objectContaining({ waiting: 0, peakWaiting: 0, failed: 0 })],
      ]);
    });

    it('samples every real Bull queue into today’s rollups', async () => {
      const queue = t.get<Queue>(getQueueToken(QUEUES.newsletter));
      await queue.add('analytics-sample-probe', {}, { delay: 3_600_000, jobId: 'sample-probe' });
      const samples = await t.get(QueueDepthSampler).sample();
      expect(samples.map((s) => s.queue).sort()).toEqual([...ALL_QUEUES].sort());
      const today = new Date().toISOString().slice(0, 10);
      const [[, values]] = await points(`queues?from=${today}&to=${today}`);
      expect(values['delayed.newsletter']).toBeGreaterThanOrEqual(1);
      await (await queue.getJob('sample-probe'))?.remove();
    });

    it('security events summary from what identity and the guards record', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const summary = async () => {
        await t.get(AnalyticsRollups).recompute(today);
        const [[, values]] = await points(`security?from=${today}&to=${today}`);
        return values;
      };
      const before = await summary();

      const { id, email } = await newUser();
      for (let i = 0; i < 5; i += 1) {
        expect((await login(t, email, `wrong-password-${i}`)).statusCode).toBe(401); // locks at 5
      }
      const unknownKey = await t.inject({
        method: 'GET',
        url: '/v1/me',
        remoteAddress: freshIp(),
        headers: { 'x-api-key': 'ctk_nope_not_a_real_key' },
      });
      expect(unknownKey.statusCode).toBe(401);
      await t.get(UnitOfWork).run((_em, events) => {
        events.record(new MfaFailed(id, { during: 'login' }));
        events.record(new MfaFailed(id, { during: 'login' }));
        return Promise.resolve();
      });

      const after = await summary();
      const added = Object.fromEntries(
        Object.entries(after).map(([key, n]) => [key, n - (before[key] ?? 0)]),
      );
      expect(added).toEqual({
        failedLogins: 5,
        lockouts: 1,
        twoFactorFailures: 2,
        newDeviceSignIns: 0,
        refreshTokenReuse: 0,
        apiKeyDenials: 1,
      });
    });
  });

  describe('GET /v1/me/analytics', () => {
    const day = (back: number) =>
      new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

    async function userWithActivity(tier: 'free' | 'pro') {
      const { id, email } = await newUser(tier);
      const session = await signIn(t, email, PASSWORD);
      const cv = await call(t, 'POST', '/v1/cvs', session.authorization, { title: 'Shared CV' });
      expect(cv.statusCode).toBe(201);
      const cvId = cv.json<{ id: string }>().id;
      const visits: Array<[number, 'view' | 'download', string]> = [
        [0, 'view', 'v1'],
        [0, 'view', 'v2'],
        [0, 'download', 'v1'],
        [3, 'view', 'v1'],
        [10, 'view', 'v3'], // outside the 7-day summary
      ];
      for (const [back, kind, visitor] of visits) {
        await sql(
          'insert into cv_share_visits (cv_id, day, kind, visitor, first_seen_at) values (?, ?, ?, ?, now())',
          [cvId, day(back), kind, visitor],
        );
      }
      const recorder = t.get(AnalyticsRecorder);
      const at = (back: number) => new Date(Date.now() - back * 86_400_000);
      await recorder.record({ name: 'job_application_started', userId: id, occurredAt: at(0) });
      await recorder.record({ name: 'job_application_started', userId: id, occurredAt: at(2) });
      await recorder.record({ name: 'job_application_completed', userId: id, occurredAt: at(2) });
      await recorder.record({ name: 'social_post_published', userId: id, occurredAt: at(10) });
      return { session, cvId };
    }

    it('gives Pro users per-CV and per-day series over the range', async () => {
      const { session, cvId } = await userWithActivity('pro');
      const response = await call(
        t,
        'GET',
        `/v1/me/analytics?from=${day(13)}&to=${day(0)}`,
        session.authorization,
      );
      expect(response.statusCode).toBe(200);
      const body = response.json<Record<string, unknown>>();
      expect(body).toMatchObject({
        summaryOnly: false,
        requiredPlan: null,
        totals: {
          cvViews: 4,
          cvDownloads: 1,
          applicationsStarted: 2,
          applicationsCompleted: 1,
          postsScheduled: 0,
          postsPublished: 1,
        },
        cvs: [
          {
            cvId,
            title: 'Shared CV',
            days: [
              { day: day(10), views: 1, downloads: 0 },
              { day: day(3), views: 1, downloads: 0 },
              { day: day(0), views: 2, downloads: 1 },
            ],
          },
        ],
      });
      expect(body.activity).toHaveLength(3);
    });

    it('gives free users the last 7 days’ totals only', async () => {
      const { session } = await userWithActivity('free');
      const response = await call(
        t,
        'GET',
        `/v1/me/analytics?from=${day(13)}`,
        session.authorization,
      );
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        from: day(6),
        to: day(0),
        summaryOnly: true,
        requiredPlan: 'pro',
        totals: {
          cvViews: 3,
          cvDownloads: 1,
          applicationsStarted: 2,
          applicationsCompleted: 1,
          postsScheduled: 0,
          postsPublished: 0,
        },
        cvs: null,
        activity: null,
      });
    });
  });
});
