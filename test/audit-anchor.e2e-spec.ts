import { EntityManager } from '@mikro-orm/postgresql';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AuditAnchors,
  DomainEvent,
  DomainEventType,
  hashEvent,
  UnitOfWork,
} from '@lib/event-store';
import { TestApp } from '@lib/testing';

@DomainEventType('test.anchor_probe')
class AnchorProbe extends DomainEvent<{ n: number }> {
  constructor(id: string, n: number) {
    super('anchor-probe', id, { n });
  }
}

interface Row {
  id: string;
  seq: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  payload: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

/**
 * Someone who can write to the database (but has neither AUDIT_CHAIN_KEY nor the
 * anchor store) edits the audit trail: verify must notice.
 */
describe('audit chain anchored outside the database', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api', extra: [] });
    admin = await t.adminAuthorization();
  });
  afterAll(() => t?.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);
  const record = (streamId: string, n: number) =>
    t.get(UnitOfWork).run((_em, events) => {
      events.record(new AnchorProbe(streamId, n));
      return Promise.resolve();
    });
  const verify = async () => {
    const response = await t.inject({
      method: 'GET',
      url: '/v1/admin/audit/verify',
      headers: { authorization: admin },
    });
    expect(response.statusCode).toBe(200);
    return response.json<Record<string, unknown>>();
  };
  /** As a superuser: triggers (append-only) off for this transaction. */
  const asSuperuser = (
    work: (run: (q: string, p?: unknown[]) => Promise<unknown>) => Promise<void>,
  ) =>
    t
      .get(EntityManager)
      .fork()
      .transactional(async (tx) => {
        await tx.execute('set local session_replication_role = replica');
        await work((q, p = []) => tx.execute(q, p));
      });
  const rows = () => sql<Row>('select * from event_store order by seq');

  it('detects an event rewritten with the rest of the chain recomputed', async () => {
    for (let n = 1; n <= 4; n++) await record(`rewrite-${n}`, n);
    await t.get(AuditAnchors).checkpoint();
    expect(await verify()).toMatchObject({ valid: true });

    const original = await rows();
    const target = original.findIndex((row) => row.stream_id === 'rewrite-2');
    // Rewrite the payload and recompute every later hash with the public algorithm (sha-256).
    let prevHash = original[target - 1].hash;
    const forged = original.slice(target).map((row, i) => {
      const payload = i === 0 ? { n: 999 } : row.payload;
      const content = {
        id: row.id,
        streamType: row.stream_type,
        streamId: row.stream_id,
        version: row.version,
        type: row.type,
        payload,
        metadata: row.metadata,
        occurredAt: new Date(row.occurred_at),
        prevHash,
      };
      const hash = hashEvent(content);
      prevHash = hash;
      return { id: row.id, payload, prevHash: content.prevHash, hash };
    });
    await asSuperuser(async (run) => {
      for (const row of forged) {
        await run(
          'update event_store set payload = ?::jsonb, prev_hash = ?, hash = ? where id = ?',
          [JSON.stringify(row.payload), row.prevHash, row.hash, row.id],
        );
      }
    });

    expect(await verify()).toMatchObject({
      valid: false,
      firstBroken: { id: original[target].id, streamId: 'rewrite-2', reason: 'hash_mismatch' },
    });

    // Put the real rows back for the next test.
    await asSuperuser(async (run) => {
      for (const row of original.slice(target)) {
        await run(
          'update event_store set payload = ?::jsonb, prev_hash = ?, hash = ? where id = ?',
          [JSON.stringify(row.payload), row.prev_hash, row.hash, row.id],
        );
      }
    });
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('detects the newest events cut from the tail', async () => {
    for (let n = 1; n <= 3; n++) await record(`tail-${n}`, n);
    const anchor = await t.get(AuditAnchors).checkpoint();
    expect(await verify()).toMatchObject({ valid: true, anchoredSeq: anchor!.seq });

    await asSuperuser((run) =>
      run(`delete from event_store where stream_id in ('tail-2', 'tail-3')`).then(() => undefined),
    );
    const [last] = await sql<{ seq: string }>(
      'select seq::text as seq from event_store order by seq desc limit 1',
    );
    expect(await verify()).toMatchObject({
      valid: false,
      truncated: { anchoredSeq: anchor!.seq, lastSeq: last.seq },
    });
  });

  it('refuses anchors that were edited without the key', async () => {
    const database = new URL(t.config.env.DATABASE_URL).pathname.slice(1);
    const file = join(t.config.env.DATA_DIR, 'audit-anchors', database, 'latest.json');
    const latest = JSON.parse(await readFile(file, 'utf8')) as { seq: string };
    await writeFile(file, JSON.stringify({ ...latest, seq: '1' }));
    expect(await verify()).toMatchObject({
      valid: false,
      anchorProblem: expect.stringMatching(/not signed/),
    });
  });
});
