import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainEvent,
  DomainEventType,
  EventPublisher,
  EventStore,
  HandlesEvent,
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
