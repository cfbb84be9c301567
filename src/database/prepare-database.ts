import { MikroORM } from '@mikro-orm/postgresql';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '@lib/config';
import { migratorOptions } from './mikro-orm.config';

/** Where the migration files are, from src/database (ts) or dist/src/database (built). */
const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');
const MIGRATION_FILE = /^(Migration\d+)\.(?:js|ts)$/;

/** Creates the database named in DATABASE_URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
      return true;
    } catch (error) {
      // Another process booting at the same time created it first: duplicate_database, or a
      // unique violation on pg_database when both passed the check at the same moment.
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** Session advisory lock every process of this app takes to migrate (any constant, the same for all). */
const MIGRATION_LOCK = 7_420_031;

/**
 * Applies pending migrations; returns their names. On an up-to-date database (every boot but
 * the first after a deploy) one query shows that every migration file is applied, and the
 * migrator, the migration classes and a second metadata discovery are skipped.
 * Processes booting together (API and worker, several replicas) migrate one at a time under
 * an advisory lock; the others find the work done when they get it.
 */
export async function migrate(config: AppConfig): Promise<string[]> {
  const databaseUrl = config.env.DATABASE_URL;
  if (await allMigrationsApplied(databaseUrl)) return [];
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (await allMigrationsApplied(databaseUrl)) return [];
    const orm = await MikroORM.init(await migratorOptions(config));
    try {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}

/**
 * True only when every migration file on disk is recorded as applied. Anything unexpected
 * (no table yet, no directory, no connection) answers false, and the migrator decides.
 */
export async function allMigrationsApplied(databaseUrl: string): Promise<boolean> {
  const files = await readdir(MIGRATIONS_DIR).catch(() => []);
  const names = files.flatMap((file) => MIGRATION_FILE.exec(file)?.[1] ?? []);
  if (names.length === 0) return false;
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>('select name from mikro_orm_migrations');
    const applied = new Set(rows.map((row) => row.name));
    return names.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
