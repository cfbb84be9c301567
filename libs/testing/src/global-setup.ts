import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@lib/config';
import { loadSecrets } from '../../../src/bootstrap/secrets';
import { databaseUrl, dropDatabase, withAdminClient } from './test-database';
import { testEnv } from './test-env';

const ROOT = join(__dirname, '../../..');

/**
 * Runs the migrations once into a template database that every suite clones.
 * The migrator runs in a child process: MikroORM keeps entity metadata in a
 * global that would leak from here into Jest's in-band test context.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${process.pid}_${Math.floor(Date.now() / 1000)}`;
  const template = `career_tools_test_${run}_template`;
  process.env.CAREER_TOOLS_TEST_RUN = run;
  process.env.CAREER_TOOLS_TEST_TEMPLATE = template;
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'career_tools_test_%'`,
    );
    for (const { datname } of rows) {
      if (isAbandoned(datname)) await dropDatabase(client, datname);
    }
    await dropDatabase(client, template);
    await client.query(`create database "${template}"`);
  });
  const env = testEnv({ DATABASE_URL: databaseUrl(template) });
  execFileSync(process.execPath, ['-r', './scripts/register.js', 'scripts/migrate.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  loadSecrets(loadConfig(env)); // generate the test keys once, before suites run in parallel
}

const ABANDONED_AFTER_MS = 3 * 60 * 60 * 1000;

/**
 * Test databases carry the pid and start time of the Jest run that made them.
 * A run in another pid namespace (a sandboxed session on the same server) looks
 * dead from here, so a database is force-dropped only when its run is both
 * gone and hours old.
 */
function isAbandoned(database: string): boolean {
  const match = /^career_tools_test_(\d+)_(\d{10})_/.exec(database);
  if (!match) return true;
  const [pid, startedAt] = [Number(match[1]), Number(match[2]) * 1000];
  return !isAlive(pid) && Date.now() - startedAt > ABANDONED_AFTER_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
