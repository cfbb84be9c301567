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
  const template = `career_tools_test_template_${process.pid}`;
  process.env.CAREER_TOOLS_TEST_TEMPLATE = template;
  await withAdminClient(async (client) => {
    // Left behind by runs that were killed; a database still in use belongs to a live run.
    const stale = await client.query<{ datname: string }>(
      `select datname from pg_database d where datname like 'career_tools_test_%'
        and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
    );
    for (const { datname } of stale.rows.filter((row) => !isTemplateOfLiveRun(row.datname)))
      await dropDatabase(client, datname, false).catch(() => undefined);
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

/**
 * A template sits idle between the clones of its run, so "no connections" does
 * not mean it is stale: another Jest run on this machine may still need it.
 */
function isTemplateOfLiveRun(database: string): boolean {
  const pid = /^career_tools_test_template_(\d+)$/.exec(database)?.[1];
  if (!pid) return false;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}
