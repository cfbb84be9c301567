import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@lib/config';
import { loadSecrets } from '../../../src/bootstrap/secrets';
import { databaseUrl, dropDatabase, TEMPLATE_DB, withAdminClient } from './test-database';
import { testEnv } from './test-env';

const ROOT = join(__dirname, '../../..');

/**
 * Runs the migrations once into a template database that every suite clones.
 * The migrator runs in a child process: MikroORM keeps entity metadata in a
 * global that would leak from here into Jest's in-band test context.
 */
export default async function globalSetup(): Promise<void> {
  await withAdminClient(async (client) => {
    const stale = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'career_tools_test_%'`,
    );
    for (const { datname } of stale.rows) await dropDatabase(client, datname);
    await client.query(`create database "${TEMPLATE_DB}"`);
  });
  const env = testEnv({ DATABASE_URL: databaseUrl(TEMPLATE_DB) });
  execFileSync(process.execPath, ['-r', './scripts/register.js', 'scripts/migrate.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  loadSecrets(loadConfig(env)); // generate the test keys once, before suites run in parallel
}
