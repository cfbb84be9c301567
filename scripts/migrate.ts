/** Creates the database if needed and applies pending migrations: `npm run migrate`. */
import 'reflect-metadata';
import { loadConfig } from '@lib/config';
import { ensureDatabase, migrate } from '../src/database/prepare-database';

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.env.DATABASE_URL);
  const applied = await migrate(config);
  process.stdout.write(
    applied.length ? `Applied ${applied.join(', ')}\n` : 'Schema is up to date\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
