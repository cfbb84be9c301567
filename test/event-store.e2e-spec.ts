import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainEvent,
  DomainEventType,
  EventPublisher,
  EventStore,
  HandlesEvent,
  HandlesEventInJob,
  OutboxRelay,
  UnitOfWork,
  type DomainEventHandler,
} from '@lib/event-store';
import { eventually, TestApp } from '@lib/testing';
import { User } from '../src/modules/identity';

@DomainEventType('test.probe_recorded')
class ProbeRecorded extends DomainEvent<{ n: number }> {
  constructor(id: string, n: number) {
    super('probe', id, { n });
  }
}

/** Counts deliveries per event id across every app instance in this process. */
const deliveries = new Map<string, number>();

@Injectable()
@HandlesEvent(ProbeRecorded)
class ProbeHandler implements DomainEventHandler<ProbeRecorded> {
  handle(event: ProbeRecorded): Promise<void> {
    deliveries.set(event.eventId!, (deliveries.get(event.eventId!) ?? 0) + 1);
    return Promise.resolve();
  }
}

@Module({ providers: [ProbeHandler] })
class ProbeModule {}

@DomainEventType('test.fault_probed')
class FaultProbed extends DomainEvent<{ n: number }> {
  constructor(id: string, n: number) {
    super('fault-probe', id, { n });
  }
}

/** Attempts per (handler, event id), and whether the always-failing handlers are healed. */
const attempts = new Map<string, number>();
const faults = { healed: false };
function attempt(handler: string, event: DomainEvent): number {
  const key = `${handler}:${event.eventId}`;
  attempts.set(key, (attempts.get(key) ?? 0) + 1);
  return attempts.get(key)!;
}

/** Fails its first two attempts at each event. */
@Injectable()
@HandlesEvent(FaultProbed)
class FlakyHandler implements DomainEventHandler<FaultProbed> {
  handle(event: FaultProbed): Promise<void> {
    if (attempt('FlakyHandler', event) <= 2) return Promise.reject(new Error('flaky: not yet'));
    return Promise.resolve();
  }
}

/** Fails at events with an odd n until healed. */
@Injectable()
@HandlesEvent(FaultProbed)
class PoisonHandler implements DomainEventHandler<FaultProbed> {
  handle(event: FaultProbed): Promise<void> {
    attempt('PoisonHandler', event);
    if (event.payload.n % 2 === 1 && !faults.healed) {
      return Promise.reject(new Error(`poison event ${event.payload.n}`));
    }
    return Promise.resolve();
  }
}

/** Counts deliveries; never fails. */
@Injectable()
@HandlesEvent(FaultProbed)
class SteadyHandler implements DomainEventHandler<FaultProbed> {
  handle(event: FaultProbed): Promise<void> {
    attempt('SteadyHandler', event);
    return Promise.resolve();
  }
}

/** In a job: fails its first two attempts, and always at odd n until healed. */
@Injectable()
@HandlesEventInJob(FaultProbed)
class JobHandler implements DomainEventHandler<FaultProbed> {
  handle(event: FaultProbed): Promise<void> {
    const n = attempt('JobHandler', event);
    if (n <= 2) return Promise.reject(new Error('job: not yet'));
    if (event.payload.n % 2 === 1 && !faults.healed) {
      return Promise.reject(new Error(`job poison ${event.payload.n}`));
    }
    return Promise.resolve();
  }
}

@Module({ providers: [FlakyHandler, PoisonHandler, SteadyHandler, JobHandler] })
class FaultModule {}

describe('event store', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api', extra: [ProbeModule] });
    admin = await t.adminAuthorization();
  });
  afterAll(() => t.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);
  const record = (n: number, streamId = `p-${n}`) =>
    t.get(UnitOfWork).run((_em, events) => {
      events.record(new ProbeRecorded(streamId, n));
      return Promise.resolve();
    });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await record(1);
    await expect(sql(`update event_store set payload = '{"n":2}'`)).rejects.toThrow(/append-only/);
    await expect(sql('delete from event_store')).rejects.toThrow(/append-only/);
    await expect(sql('truncate event_store')).rejects.toThrow(/append-only/);
  });

  it('allows published_at to be stamped once, never changed', async () => {
    await record(2);
    const [row] = await sql<{ id: string; published_at: Date | null }>(
      `select id, published_at from event_store where stream_id = 'p-2'`,
    );
    expect(row.published_at).not.toBeNull(); // published right after commit
    await expect(
      sql('update event_store set published_at = now() where id = ?', [row.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps versions per stream and a valid chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => record(i, 'shared-stream')));
    const rows = await sql<{ version: number }>(
      `select version from event_store where stream_id = 'shared-stream' order by version`,
    );
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const verify = await t.inject({
      method: 'GET',
      url: '/v1/admin/audit/verify',
      headers: { authorization: admin },
    });
    expect(verify.json()).toMatchObject({ valid: true });
  });

  it('persists events raised on an entity loaded from the database (MikroORM skips constructors)', async () => {
    const uow = t.get(UnitOfWork);
    const id = await uow.run(async (em) => {
      const user = User.register({
        email: 'loaded@example.test',
        passwordHash: 'x',
        name: 'Loaded',
      });
      em.persist(user);
      return Promise.resolve(user.id);
    });
    await uow.run(async (em) => {
      const loaded = await em.findOneOrFail(User, id);
      loaded.recordLogin();
    });
    const events = await t.get(EventStore).readStream(t.get(EntityManager).fork(), 'user', id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['identity.user_registered', 1],
      ['identity.user_logged_in', 2],
    ]);
  });

  it('rolls back state and events together when the work fails', async () => {
    await expect(
      t.get(UnitOfWork).run((em, events) => {
        events.record(new ProbeRecorded('rolled-back', 1));
        em.persist(
          User.register({ email: 'never@example.test', passwordHash: 'x', name: 'Never' }),
        );
        return Promise.reject(new Error('boom'));
      }),
    ).rejects.toThrow('boom');
    expect(await sql(`select 1 from event_store where stream_id = 'rolled-back'`)).toHaveLength(0);
    expect(await sql(`select 1 from users where email = 'never@example.test'`)).toHaveLength(0);
  });

  it('reports the first event whose stored payload was changed', async () => {
    await record(100, 'tamper-me');
    await record(101, 'after-tamper');
    const [target] = await sql<{ id: string }>(
      `select id from event_store where stream_id = 'tamper-me'`,
    );
    // Only a superuser bypassing triggers can do this; the chain still catches it.
    const em = t.get(EntityManager).fork();
    await em.transactional(async (tx) => {
      await tx.execute('set local session_replication_role = replica');
      await tx.execute(`update event_store set payload = '{"n":999}' where id = ?`, [target.id]);
    });
    const res = await t.inject({
      method: 'GET',
      url: '/v1/admin/audit/verify',
      headers: { authorization: admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: false,
      firstBroken: { id: target.id, streamId: 'tamper-me', reason: 'hash_mismatch' },
    });
  });
});

describe('outbox relay', () => {
  it('publishes an event exactly once after the process died between commit and publish', async () => {
    const api = await TestApp.create({ role: 'api', extra: [ProbeModule] });
    try {
      // The "crash": the commit succeeds, the in-process publish never happens.
      jest
        .spyOn(api.get(EventPublisher), 'publishByIds')
        .mockRejectedValueOnce(new Error('killed'));
      await api.get(UnitOfWork).run((_em, events) => {
        events.record(new ProbeRecorded('crash-1', 1));
        return Promise.resolve();
      });
      const [row] = await api
        .get(EntityManager)
        .fork()
        .execute<{ id: string; published_at: Date | null }[]>(
          `select id, published_at from event_store where stream_id = 'crash-1'`,
        );
      expect(row.published_at).toBeNull();
      expect(deliveries.get(row.id)).toBeUndefined();

      // A worker starting afterwards relays it, once, however often the relay runs.
      const worker = await TestApp.create({ role: 'worker', replicaOf: api, extra: [ProbeModule] });
      try {
        const relay = worker.get(OutboxRelay);
        const publishedAt = async () => {
          const [after] = await worker
            .get(EntityManager)
            .fork()
            .execute<{ published_at: Date | null }[]>(
              'select published_at from event_store where id = ?',
              [row.id],
            );
          return after.published_at;
        };
        // The worker's own relay loop may be the one that claims it (SKIP LOCKED): wait for either.
        await relay.drain();
        await eventually(publishedAt);
        await relay.drain();
        await relay.drain();
        expect(deliveries.get(row.id)).toBe(1);
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
    }
  });
});

describe('audit events API', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    admin = await t.adminAuthorization();
    for (let i = 0; i < 5; i += 1) {
      await t.get(UnitOfWork).run((_em, events) => {
        events.record(new ProbeRecorded('audit-stream', i));
        return Promise.resolve();
      });
    }
  });
  afterAll(() => t.close());

  const get = (query: string) =>
    t.inject({
      method: 'GET',
      url: `/v1/admin/audit/events?${query}`,
      headers: { authorization: admin },
    });

  it('filters by stream and type and pages with a cursor, newest first', async () => {
    const first = await get(
      'streamType=probe&streamId=audit-stream&type=test.probe_recorded&limit=3',
    );
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((e: { version: number }) => e.version)).toEqual([5, 4, 3]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await get(`streamId=audit-stream&limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((e: { version: number }) => e.version)).toEqual([2, 1]);
    expect(page2.nextCursor).toBeNull();
  });

  it('filters by actor and records request metadata', async () => {
    const login = await get('type=identity.user_logged_in&limit=1');
    const event = login.json().items[0];
    expect(event.metadata).toMatchObject({ requestId: expect.any(String), ip: expect.any(String) });
    expect(event.metadata.actor).toEqual({ type: 'user', id: event.streamId });
    const byActor = (await get(`actor=${event.streamId}`)).json();
    expect(byActor.items.map((e: { type: string }) => e.type)).toContain('identity.user_logged_in');
    expect(
      byActor.items.every(
        (e: { metadata: { actor?: { id: string } } }) => e.metadata.actor?.id === event.streamId,
      ),
    ).toBe(true);
    const none = (await get('actor=00000000-0000-7000-8000-000000000000')).json();
    expect(none.items).toEqual([]);
  });

  it('rejects bad filters and cursors with a 400 problem', async () => {
    expect((await get('from=yesterday')).statusCode).toBe(400);
    expect((await get('limit=1000000')).statusCode).toBe(400);
    const bad = await get('cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('pagination.invalid_cursor');
  });

  it('is for admins only', async () => {
    expect((await t.inject({ method: 'GET', url: '/v1/admin/audit/events' })).statusCode).toBe(401);
  });
});

describe('event deliveries: retries, dead letters and the admin area', () => {
  let t: TestApp;
  let admin: string;
  const MAX_ATTEMPTS = 4;
  beforeAll(async () => {
    t = await TestApp.create({
      extra: [FaultModule],
      env: {
        EVENT_DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        EVENT_DELIVERY_BACKOFF_MS: '50',
        EVENT_DELIVERY_MAX_BACKOFF_MS: '200',
      },
    });
    admin = await t.adminAuthorization();
  });
  afterAll(() => t.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);
  const record = async (n: number): Promise<string> => {
    await t.get(UnitOfWork).run((_em, events) => {
      events.record(new FaultProbed(`fault-${n}`, n));
      return Promise.resolve();
    });
    const [row] = await sql<{ id: string }>(`select id from event_store where stream_id = ?`, [
      `fault-${n}`,
    ]);
    return row.id;
  };
  const deliveryOf = async (eventId: string, handler: string) =>
    (
      await sql<{ id: string; status: string; attempts: number; last_error: string | null }>(
        'select id, status, attempts, last_error from event_deliveries where event_id = ? and handler = ?',
        [eventId, handler],
      )
    )[0];
  const adminCall = (method: 'GET' | 'POST', url: string) =>
    t.inject({ method, url, headers: { authorization: admin } });

  it('retries a handler that fails twice until it succeeds, without repeating the others', async () => {
    const id = await record(2);
    await eventually(async () => (await deliveryOf(id, 'FlakyHandler'))?.status === 'done');
    expect(await deliveryOf(id, 'FlakyHandler')).toMatchObject({ attempts: 3 });
    expect(attempts.get(`FlakyHandler:${id}`)).toBe(3);
    // The handlers that succeeded at once were delivered once and are done.
    expect(attempts.get(`SteadyHandler:${id}`)).toBe(1);
    expect(await deliveryOf(id, 'SteadyHandler')).toMatchObject({ status: 'done', attempts: 1 });
    // The same in a job: Bull retries it, and nothing is left dead.
    await eventually(() => Promise.resolve(attempts.get(`JobHandler:${id}`) === 3));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts.get(`JobHandler:${id}`)).toBe(3);
    expect((await deliveryOf(id, 'JobHandler'))?.status).not.toBe('dead');
  });

  it('makes a handler that always fails a dead letter while later events keep flowing', async () => {
    const poison = await record(1);
    const later = await Promise.all([record(4), record(6)]);
    // Later events reach every handler at once, right after their commit (or the relay's next pass).
    for (const id of later) {
      await eventually(() => Promise.resolve(attempts.get(`SteadyHandler:${id}`) === 1));
      expect(attempts.get(`PoisonHandler:${id}`)).toBe(1);
    }

    await eventually(async () => (await deliveryOf(poison, 'PoisonHandler'))?.status === 'dead');
    expect(attempts.get(`PoisonHandler:${poison}`)).toBe(MAX_ATTEMPTS);
    expect(await deliveryOf(poison, 'PoisonHandler')).toMatchObject({
      attempts: MAX_ATTEMPTS,
      last_error: 'Error: poison event 1',
    });
    // A job that fails every attempt is a dead letter too.
    await eventually(async () => (await deliveryOf(poison, 'JobHandler'))?.status === 'dead');
    expect(attempts.get(`JobHandler:${poison}`)).toBe(MAX_ATTEMPTS);

    const list = await adminCall('GET', '/v1/admin/audit/dead-letters?limit=1');
    expect(list.statusCode).toBe(200);
    const page1 = list.json<{ items: { handler: string }[]; nextCursor: string | null }>();
    expect(page1.items).toHaveLength(1);
    const page2 = (
      await adminCall('GET', `/v1/admin/audit/dead-letters?limit=5&cursor=${page1.nextCursor}`)
    ).json<{ items: { handler: string }[]; nextCursor: string | null }>();
    expect(page2.nextCursor).toBeNull();
    const dead = [...page1.items, ...page2.items];
    expect(dead.map((d) => d.handler).sort()).toEqual(['JobHandler', 'PoisonHandler']);
    expect(dead.find((d) => d.handler === 'PoisonHandler')).toMatchObject({
      eventId: poison,
      eventType: 'test.fault_probed',
      status: 'dead',
      attempts: MAX_ATTEMPTS,
      lastError: 'Error: poison event 1',
    });

    const metrics = (await t.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/event_deliveries\{status="dead",handler="PoisonHandler"\} 1/);

    // The relay is not stuck behind the dead letter: an event committed while nothing
    // published it right away (a crash) still goes out.
    jest.spyOn(t.get(EventPublisher), 'publishByIds').mockRejectedValueOnce(new Error('killed'));
    const orphan = await record(8);
    await eventually(() => Promise.resolve(attempts.get(`SteadyHandler:${orphan}`) === 1));
  });

  it('lets an admin retry a dead letter, and only a dead letter', async () => {
    const [poison] = await sql<{ id: string }>(
      `select id from event_store where stream_id = 'fault-1'`,
    );
    const dead = await deliveryOf(poison.id, 'PoisonHandler');
    const done = await deliveryOf(poison.id, 'SteadyHandler');
    faults.healed = true;

    const unknown = await adminCall(
      'POST',
      '/v1/admin/audit/dead-letters/01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f/retry',
    );
    expect(unknown.statusCode).toBe(404);
    const notDead = await adminCall('POST', `/v1/admin/audit/dead-letters/${done.id}/retry`);
    expect(notDead.statusCode).toBe(409);
    expect(notDead.json().code).toBe('event_delivery.not_dead');
    const userCall = await t.inject({
      method: 'POST',
      url: `/v1/admin/audit/dead-letters/${dead.id}/retry`,
    });
    expect(userCall.statusCode).toBe(401);

    const retried = await adminCall('POST', `/v1/admin/audit/dead-letters/${dead.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });
    const [audit] = await sql<{ type: string; payload: Record<string, unknown>; actor: string }>(
      `select type, payload, metadata->'actor'->>'id' as actor from event_store
        where stream_id = ? and type = 'audit.dead_letter_retried'`,
      [dead.id],
    );
    expect(audit.payload).toMatchObject({
      eventId: poison.id,
      handler: 'PoisonHandler',
      attemptsBefore: MAX_ATTEMPTS,
      lastError: 'Error: poison event 1',
    });
    expect(audit.actor).toBeTruthy();
    await eventually(async () => (await deliveryOf(poison.id, 'PoisonHandler'))?.status === 'done');
    expect(attempts.get(`PoisonHandler:${poison.id}`)).toBe(MAX_ATTEMPTS + 1);

    // A job-run dead letter gets a new job.
    const deadJob = await deliveryOf(poison.id, 'JobHandler');
    expect(
      (await adminCall('POST', `/v1/admin/audit/dead-letters/${deadJob.id}/retry`)).statusCode,
    ).toBe(200);
    await eventually(() =>
      Promise.resolve(attempts.get(`JobHandler:${poison.id}`) === MAX_ATTEMPTS + 1),
    );
    await eventually(async () => (await deliveryOf(poison.id, 'JobHandler'))?.status === 'done');
    const list = (await adminCall('GET', '/v1/admin/audit/dead-letters')).json<{
      items: unknown[];
    }>();
    expect(list.items).toEqual([]);
  });
});
