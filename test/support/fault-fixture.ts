import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Client } from 'pg';
import sharp from 'sharp';
import { QUEUES } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { createUser, signIn, type Session } from './accounts';
import { ClamdGate } from './clamd-gate';

/**
 * What the fault suites share: an in-process API (the worker runs as a child
 * process the suite starts), a premium user, a clamd gate that can hold a scan,
 * and a direct connection to the suite's database to count what was recorded.
 */
export class FaultFixture {
  private constructor(
    readonly api: TestApp,
    readonly db: Client,
    readonly gate: ClamdGate,
    readonly user: Session,
    /** Environment of the API, for the worker processes the suite starts. */
    readonly env: Record<string, string>,
  ) {}

  /** Stalled jobs are looked for every second and a killed worker's lock expires after 4 s. */
  static async open(
    email: string,
    password: string,
    env: Record<string, string> = {},
  ): Promise<FaultFixture> {
    const gate = await ClamdGate.open();
    const fullEnv = {
      QUEUE_LOCK_DURATION_MS: '4000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      CLAMD_PORT: String(gate.port),
      CLAMD_TIMEOUT_MS: '30000',
      ...env,
    };
    const api = await TestApp.create({ role: 'api', env: fullEnv });
    const db = new Client({ connectionString: api.config.env.DATABASE_URL });
    await db.connect();
    await createUser(api, { email, password, tier: 'premium' });
    const user = await signIn(api, email, password);
    return new FaultFixture(api, db, gate, user, fullEnv);
  }

  async close(): Promise<void> {
    await this.db.end();
    await this.gate.close();
    await this.api.close();
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.db.query<{ n: string }>(sql, params)).rows[0].n);
  }

  eventCount(streamId: string, type: string): Promise<number> {
    return this.count('select count(*) as n from event_store where stream_id = $1 and type = $2', [
      streamId,
      type,
    ]);
  }

  queue(name: keyof typeof QUEUES): Queue {
    return this.api.get<Queue>(getQueueToken(QUEUES[name]));
  }

  /**
   * Requests a PDF export of a new CV while `cv_rendered_files` is locked: the
   * worker renders the PDF, then waits to record the file, i.e. it is in the middle of
   * the job when this resolves. `release()` ends the lock.
   */
  async exportHeldBeforeRecording(title: string): Promise<HeldExport> {
    const created = await this.api.inject({
      method: 'POST',
      url: '/v1/cvs',
      headers: { authorization: this.user.authorization },
      payload: { title, document: { basics: { name: 'Pat Fault' } } },
    });
    expect(created.statusCode).toBe(201);
    const cvId = created.json<{ id: string }>().id;
    const lock = new Client({ connectionString: this.api.config.env.DATABASE_URL });
    await lock.connect();
    await lock.query('begin');
    await lock.query('lock table cv_rendered_files in share mode');
    const accepted = await this.api.inject({
      method: 'POST',
      url: `/v1/cvs/${cvId}/exports`,
      headers: { authorization: this.user.authorization },
      payload: { format: 'pdf' },
    });
    expect(accepted.statusCode).toBe(202);
    const { exportId } = accepted.json<{ exportId: string }>();
    const queue = this.queue('cvExports');
    await eventually(async () => (await queue.getJob(exportId))?.isActive(), 30_000);
    await eventually(
      async () =>
        (await this.count(
          `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation
            where c.relname = 'cv_rendered_files' and not l.granted`,
        )) > 0,
      40_000,
    );
    return {
      cvId,
      exportId,
      lock,
      release: async () => {
        await lock.query('rollback');
        await lock.end();
      },
    };
  }

  /** The export's status once it is neither queued nor rendering. */
  exportOutcome(exportId: string): Promise<{ status: string; error?: string }> {
    return eventually(async () => {
      const response = await this.api.inject({
        method: 'GET',
        url: `/v1/cv-exports/${exportId}`,
        headers: { authorization: this.user.authorization },
      });
      if (response.statusCode !== 200) return undefined;
      const body = response.json<{ status: string; error?: string }>();
      return body.status !== 'queued' && body.status !== 'rendering' && body;
    }, 30_000);
  }
}

export interface HeldExport {
  cvId: string;
  exportId: string;
  /** The client holding the table lock (kept alive when other connections are cut). */
  lock: Client;
  release(): Promise<void>;
}

export function png(background: string, size = 300): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background } })
    .png()
    .toBuffer();
}
