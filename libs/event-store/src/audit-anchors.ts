import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { StorageObjectNotFound, type StoragePort } from '@lib/providers';
import { AuditChainKey } from './hash-chain';

/**
 * A signed statement about the chain kept outside the database:
 * `start` pins the last event hashed before the chain was keyed (older events
 * may be plain sha-256), `checkpoint` pins the newest event at some moment, so
 * events cut from the tail are noticed.
 */
export interface AuditAnchor {
  kind: 'start' | 'checkpoint';
  /** `0` for a start anchor on an empty chain. */
  seq: string;
  hash: string;
  at: string;
}

/** Where anchors live: somewhere a database writer cannot reach. */
export interface AuditAnchorSink {
  read(name: string): Promise<string | undefined>;
  write(name: string, body: string): Promise<void>;
}

export const AUDIT_ANCHOR_SINK = Symbol('AUDIT_ANCHOR_SINK');

/** Files under a directory (default `DATA_DIR/audit-anchors/<database>`). */
export class FileAnchorSink implements AuditAnchorSink {
  constructor(private readonly dir: string) {}

  async read(name: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(name: string, body: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temporary = join(this.dir, `.${name}.${process.pid}.tmp`);
    await writeFile(temporary, body, { mode: 0o600 });
    await rename(temporary, join(this.dir, name));
  }
}

/** Objects in the private `audit-anchors` bucket of the storage port (S3 in production). */
export class StorageAnchorSink implements AuditAnchorSink {
  constructor(
    private readonly storage: StoragePort,
    private readonly prefix: string,
  ) {}

  async read(name: string): Promise<string | undefined> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.getStream('audit-anchors', this.key(name))) {
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    } catch (error) {
      if (error instanceof StorageObjectNotFound) return undefined;
      throw error;
    }
  }

  write(name: string, body: string): Promise<void> {
    return this.storage.put('audit-anchors', this.key(name), Buffer.from(body), {
      contentType: 'application/json',
    });
  }

  private key(name: string): string {
    return `${this.prefix}/${name}`;
  }
}

/** The anchor sink chosen by AUDIT_ANCHOR_DRIVER, one namespace per database. */
export function anchorSinkFor(config: AppConfig, storage?: StoragePort): AuditAnchorSink {
  const env = config.env;
  const database = new URL(env.DATABASE_URL).pathname.replace(/^\//, '') || 'default';
  if (env.AUDIT_ANCHOR_DRIVER === 'storage') {
    if (!storage) throw new Error('AUDIT_ANCHOR_DRIVER=storage needs the storage port');
    return new StorageAnchorSink(storage, database);
  }
  return new FileAnchorSink(
    join(env.AUDIT_ANCHOR_DIR ?? join(env.DATA_DIR, 'audit-anchors'), database),
  );
}

const START = 'start.json';
const LATEST = 'latest.json';

export type AnchorReading =
  { ok: true; start?: AuditAnchor; latest?: AuditAnchor } | { ok: false; problem: string };

/**
 * Writes and reads the signed anchors of the audit chain. The signing key is
 * derived from the chain key; neither is ever stored in the database.
 */
@Injectable()
export class AuditAnchors implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuditAnchors.name);
  private readonly signingKey: Buffer;
  private started = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    chainKey: AuditChainKey,
    @Inject(AUDIT_ANCHOR_SINK) private readonly sink: AuditAnchorSink,
  ) {
    this.signingKey = Buffer.from(
      hkdfSync('sha256', chainKey.key, Buffer.alloc(0), 'audit-chain/anchor', 32),
    );
  }

  onModuleInit(): void {
    const every = this.config.env.AUDIT_ANCHOR_INTERVAL_MS;
    if (!this.config.runsWorker || every === 0) return;
    // Each replica may write the same checkpoint: writes are idempotent (same seq, same hash).
    this.timer = setInterval(() => {
      this.checkpoint().catch((error: unknown) =>
        this.logger.error(`Audit checkpoint failed: ${String(error)}`),
      );
    }, every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Called by append under the chain lock, before the first keyed event of this
   * process: records where the keyed chain starts if no one has yet.
   */
  async ensureStart(em: EntityManager): Promise<void> {
    if (this.started) return;
    const reading = await this.read();
    if (reading.ok && !reading.start) {
      const [last] = await em.execute<{ seq: string; hash: string }[]>(
        'select seq::text as seq, hash from event_store order by seq desc limit 1',
      );
      await this.write(START, this.sign('start', last?.seq ?? '0', last?.hash ?? ''));
    }
    this.started = true;
  }

  /** Pins the newest committed event; returns it (or nothing for an empty chain). */
  async checkpoint(): Promise<AuditAnchor | undefined> {
    const [last] = await this.em
      .fork()
      .execute<{ seq: string; hash: string }[]>(
        'select seq::text as seq, hash from event_store order by seq desc limit 1',
      );
    if (!last) return undefined;
    const reading = await this.read();
    if (reading.ok && reading.latest && BigInt(reading.latest.seq) >= BigInt(last.seq)) {
      return reading.latest;
    }
    const anchor = this.sign('checkpoint', last.seq, last.hash);
    await this.write(`checkpoint-${last.seq.padStart(20, '0')}.json`, anchor);
    await this.write(LATEST, anchor);
    return JSON.parse(anchor) as AuditAnchor;
  }

  /** The start and latest anchors, each checked against its signature. */
  async read(): Promise<AnchorReading> {
    const result: { start?: AuditAnchor; latest?: AuditAnchor } = {};
    for (const [name, field] of [
      [START, 'start'],
      [LATEST, 'latest'],
    ] as const) {
      const body = await this.sink.read(name);
      if (body === undefined) continue;
      const anchor = this.verified(body);
      if (!anchor) return { ok: false, problem: `${name} is not signed by the audit chain key` };
      result[field] = anchor;
    }
    return { ok: true, ...result };
  }

  private write(name: string, body: string): Promise<void> {
    return this.sink.write(name, body);
  }

  private sign(kind: AuditAnchor['kind'], seq: string, hash: string): string {
    const anchor: AuditAnchor = { kind, seq, hash, at: new Date().toISOString() };
    return JSON.stringify({ ...anchor, signature: this.mac(anchor) });
  }

  private verified(body: string): AuditAnchor | undefined {
    try {
      const { signature, ...rest } = JSON.parse(body) as AuditAnchor & { signature?: string };
      const anchor: AuditAnchor = { kind: rest.kind, seq: rest.seq, hash: rest.hash, at: rest.at };
      const expected = Buffer.from(this.mac(anchor), 'hex');
      const given = Buffer.from(String(signature), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected)
        ? anchor
        : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(anchor: AuditAnchor): string {
    return createHmac('sha256', this.signingKey)
      .update(`${anchor.kind}\u0000${anchor.seq}\u0000${anchor.hash}\u0000${anchor.at}`)
      .digest('hex');
  }
}
