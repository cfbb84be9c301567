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
  const run = String(process.pid);
  const template = `career_tools_test_${run}_template`;
  process.env.CAREER_TOOLS_TEST_RUN = run;
  process.env.CAREER_TOOLS_TEST_TEMPLATE = template;
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'career_tools_test_%'`,
    );
    for (const { datname } of rows) {
      const owner = runOf(datname);
      if (owner === undefined) {
        // Named the old way: drop it only if nobody is connected.
        await dropDatabase(client, datname, false).catch(() => undefined);
      } else if (!isAlive(owner)) {
        await dropDatabase(client, datname);
      }
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

/** Test databases carry the pid of the Jest run that made them; a run still alive keeps its own. */
function runOf(database: string): number | undefined {
  const pid = Number(
    /^career_tools_test_(?:(\d+)_|template_(\d+)$)/.exec(database)?.slice(1).find(Boolean),
  );
  return pid || undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
