import { Client } from 'pg';
import {
  cloneTemplate,
  databaseUrl,
  dropDatabase,
  withAdminClient,
} from '../libs/testing/src/test-database';
import { loadConfig } from '@lib/config';
import { allMigrationsApplied, ensureDatabase, migrate } from '../src/database/prepare-database';

/** Boot skips the migrator only when every migration file is recorded as applied. */
describe('migration check at boot', () => {
  const migrated = `migration_check_test_${process.pid}`;
  const empty = `migration_check_empty_test_${process.pid}`;
  const fresh = `migration_check_fresh_test_${process.pid}`;
  beforeAll(async () => {
    await cloneTemplate(migrated);
    await withAdminClient(async (client) => {
      await dropDatabase(client, empty);
      await client.query(`create database "${empty}"`);
    });
  });
  afterAll(() =>
    withAdminClient(async (client) => {
      await dropDatabase(client, migrated);
      await dropDatabase(client, empty);
      await dropDatabase(client, fresh);
    }),
  );

  it('is true on a migrated database', async () => {
    expect(await allMigrationsApplied(databaseUrl(migrated))).toBe(true);
  });

  it('is false when a migration file is not recorded yet', async () => {
    const client = new Client({ connectionString: databaseUrl(migrated) });
    await client.connect();
    try {
      await client.query(
        'delete from mikro_orm_migrations where name = (select max(name) from mikro_orm_migrations)',
      );
    } finally {
      await client.end();
    }
    expect(await allMigrationsApplied(databaseUrl(migrated))).toBe(false);
  });

  it('is false on a database never migrated (no table), without throwing', async () => {
    expect(await allMigrationsApplied(databaseUrl(empty))).toBe(false);
  });

  it('lets processes that boot together (API, worker, replicas) create and migrate a new database once', async () => {
    const url = databaseUrl(fresh);
    const config = loadConfig({ ...process.env, DATABASE_URL: url });
    const created = await Promise.all([
      ensureDatabase(url),
      ensureDatabase(url),
      ensureDatabase(url),
    ]);
    expect(created.filter(Boolean)).toHaveLength(1);

    const runs = await Promise.all([migrate(config), migrate(config), migrate(config)]);
    const applied = runs.flat();
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length); // each migration applied by one process
    expect(await allMigrationsApplied(url)).toBe(true);
  });
});
